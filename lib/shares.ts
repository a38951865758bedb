import { z } from 'zod';

export const NETWORKS = ['linkedin', 'x'] as const;
export const NetworkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof NetworkSchema>;

export const ShareKindSchema = z.enum(['post', 'repost', 'quote']);
export type ShareKind = z.infer<typeof ShareKindSchema>;

/**
 * 'intent': posted from a share page Sharewise opened; 'composer': the site's own composer;
 * 'manual': claimed by the employee with the link of their post (popup, "Shared it but it isn't counted?").
 */
export const SurfaceSchema = z.enum(['intent', 'composer', 'manual']);
export type Surface = z.infer<typeof SurfaceSchema>;

/** Longest post text Sharewise logs, keeps and imports back (X allows 25,000 characters to some accounts). */
export const MAX_SHARE_TEXT = 25_000;

/**
 * Names that read an inherited member of a plain object (`{}['constructor']` is a function): a post id
 * must never be one, wherever ids key a lookup. Checked at the doors: the feed and imports.
 */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));
export const isReservedId = (id: string): boolean => RESERVED_IDS.has(id);

/** A post id as the company feed may write it. */
export const PostIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1–100 letters, digits, dots, dashes, colons or underscores')
  .refine((id) => !isReservedId(id), { error: (issue) => `"${String(issue.input)}" is a reserved name` });

/**
 * Which independent signal confirmed a share: 'page' — the content script saw the submit and the site's
 * own outcome; 'request' — the background saw the site's create request succeed (lib/background/requests.ts).
 * A manual claim has none.
 */
export const SignalSchema = z.enum(['page', 'request']);
export type Signal = z.infer<typeof SignalSchema>;

/** One detected share: what the background stores in `shares`. */
export const ShareSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.number().int().nonnegative(),
  network: NetworkSchema,
  kind: ShareKindSchema,
  postId: PostIdSchema.nullable(),
  surface: SurfaceSchema,
  urls: z.array(z.string().max(2048)).max(50),
  text: z.string().max(MAX_SHARE_TEXT).optional(),
  /**
   * The new post's public link, normalised (lib/permalink.ts): the dedupe key across signals and claims.
   * Reported only with the employee's "links" choice.
   */
  permalink: z.string().max(2048).optional(),
  /** Absent only on rows written before schema version 5 (and their exports): those were all 'page'. */
  signals: z.array(SignalSchema).max(2).optional(),
});
export type Share = z.infer<typeof ShareSchema>;
