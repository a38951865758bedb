import { z } from 'zod';
import { checkRemoteUrl, REMOTE_URL_MESSAGES } from '../remote-url';
import { NetworkSchema, PostIdSchema } from '../shares';

/** Feed format version this build understands. */
export const FEED_VERSION = 1;

// Feed text is rendered as text, never HTML; bounds keep a hostile or broken feed from bloating the cache.
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1–100 letters, digits, dots, dashes, colons or underscores');
const HTTPS_ONLY = 'must be an https:// URL';
// Stryker disable next-line Regex: the pattern check below refuses any other scheme, with the same message
const HTTPS_SCHEME = /^https$/;
const httpsUrl = z
  .url({ protocol: HTTPS_SCHEME, error: HTTPS_ONLY })
  .regex(/^https:\/\//i, HTTPS_ONLY) // also states the rule in the JSON Schema
  .max(2048);
const isoDate = z.iso.date({ error: 'must be a date like 2026-11-20' });

export const MeasureSchema = z.object({
  id,
  label: text(120),
  current: z.number().finite().nonnegative(),
  target: z.number().finite().positive(),
  unit: text(40).optional(),
  period: text(40).optional(),
  updatedAt: isoDate.optional(),
});

export const VisionSchema = z.object({
  headline: text(200),
  statement: text(1000).optional(),
  measures: z.array(MeasureSchema).max(12).default([]),
});

export const ProgramSchema = z.object({
  name: text(120),
  period: z.enum(['week', 'month', 'quarter']).default('month'),
  threshold: z.number().int().positive().max(1_000_000),
  points: z.object({
    linkedin: z.number().int().min(0).max(10_000),
    x: z.number().int().min(0).max(10_000),
    ownContent: z.number().int().min(0).max(10_000).default(0),
  }),
  rules: text(2000).optional(),
});

export const PostSchema = z.object({
  id: PostIdSchema,
  title: text(200),
  text: text(3000),
  variants: z.array(text(3000)).max(10).default([]),
  url: httpsUrl,
  hashtags: z
    .array(z.string().regex(/^[\p{L}\p{N}_]{1,50}$/u, 'must be a hashtag without # or spaces'))
    .max(10)
    .default([]),
  networks: z.array(NetworkSchema).min(1).max(2),
  publishedAt: isoDate,
  expiresAt: isoDate.optional(),
});

export const ReportingSchema = z.object({
  // Where reports go: no user@host, backslashes or text-direction tricks (the host is shown to the employee).
  endpoint: httpsUrl.superRefine((value, ctx) => {
    const checked = checkRemoteUrl(value);
    if (!checked.ok) ctx.addIssue(REMOTE_URL_MESSAGES[checked.error]); // a custom issue with this message
  }),
  schedule: z.enum(['weekly', 'monthly']).default('weekly'),
});

export const FeedSchema = z.object({
  version: z.literal(FEED_VERSION, {
    error: `unsupported feed version (this extension reads version ${FEED_VERSION})`,
  }),
  company: z.object({ name: text(120), website: httpsUrl.optional() }),
  vision: VisionSchema,
  program: ProgramSchema.optional(),
  posts: z.array(PostSchema).max(500),
  reporting: ReportingSchema.optional(),
});

export type Feed = z.infer<typeof FeedSchema>;
export type FeedPost = z.infer<typeof PostSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Program = z.infer<typeof ProgramSchema>;
