import { z } from 'zod';
import { NetworkSchema, ShareKindSchema, ShareSchema } from '../shares';
import { MAX_IMPORT_SHARES } from '../data/export';

/** Content scripts run beside hostile page code: every field is bounded and typed. */
export const DetectedShareSchema = z.strictObject({
  network: NetworkSchema,
  kind: ShareKindSchema,
  // Never 'manual': only the employee's own claim in the popup logs that.
  surface: z.enum(['intent', 'composer']),
  text: z.string().max(25_000),
  submissionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  confirmedBy: z.enum(['notice', 'composer-closed', 'reposted', 'undo-elapsed', 'network']),
  permalink: z.string().url().max(2048).optional(),
  layout: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
});

/** Content-free by construction: a network, a layout name and hook names, never text, URLs or ids. */
export const DetectDiagnosticSchema = z.strictObject({
  network: NetworkSchema,
  layout: z.string().regex(/^[a-z0-9-]{1,40}$/),
  hooks: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(20),
  reason: z.enum(['unclassified-submit', 'no-outcome']),
});

export const RecordIntentSchema = z.strictObject({
  postId: z.string().min(1).max(100),
  network: NetworkSchema,
});

/** `ui:popupOpened` carries nothing. */
export const PopupOpenedSchema = z.strictObject({});
// Feed sync and reporting (issue 6).
export const FeedRefreshSchema = z.strictObject({ force: z.boolean().optional() });
export const SendReportsNowSchema = z.strictObject({});
/** The endpoint is compared with the configured one before anything is stored. */
export const AnswerReportDestinationSchema = z.strictObject({ endpoint: z.string().min(1).max(2048), agree: z.boolean() });
/** A page the employee suggests: the active tab's address and title, and their own note. */
export const SuggestPageSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  title: z.string().trim().max(300),
  note: z.string().trim().max(1000),
});
export const QueueSuggestionsSchema = z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(100) });
export const SuggestionIdSchema = z.strictObject({ id: z.number().int().positive() });
// My data (options page → background).
export const DeleteShareSchema = z.strictObject({ id: z.string().min(1).max(64) });
/** A typed confirmation, so a stray message cannot wipe the history by accident. */
export const DeleteAllDataSchema = z.strictObject({ confirm: z.literal('delete-everything') });
export const ImportSharesSchema = z.strictObject({ shares: z.array(ShareSchema).max(MAX_IMPORT_SHARES) });
export const ForgetTextsSchema = z.strictObject({});
// Missed shares (popup → background). The link is parsed by the background (lib/permalink.ts), which
// answers a clear problem for a malformed one; here it is only bounded.
export const DismissDiagnosticsSchema = z.strictObject({});
export const ClaimShareSchema = z.strictObject({
  link: z.string().max(4096),
  postId: z.string().min(1).max(200).nullable(),
});

/** Hosts whose content scripts may report shares, per network. */
const SHARE_HOSTS: Record<z.infer<typeof NetworkSchema>, string[]> = {
  x: ['x.com', 'twitter.com'],
  linkedin: ['www.linkedin.com'],
};

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

/** A share report must come from our own content script in a tab of that network's site. */
export function isContentSenderFor(
  network: z.infer<typeof NetworkSchema>,
  sender: SenderInfo,
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || !sender.tab) return false;
  const host = hostOf(sender.url ?? sender.tab.url);
  return host !== null && SHARE_HOSTS[network].includes(host);
}

/** UI messages must come from one of our own extension pages, never from a web page's content script. */
export function isExtensionPageSender(sender: SenderInfo, extensionOrigin: string): boolean {
  if (!sender.url) return false;
  return sender.url.startsWith(extensionOrigin);
}

export type Validated<T> = { ok: true; data: T } | { ok: false; error: string };

export function validate<T>(schema: z.ZodType<T>, data: unknown): Validated<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, error: `invalid message: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown'}` };
}
