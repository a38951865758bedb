import { z } from 'zod';
import { MAX_IMPORT_SHARES } from '../data/export';
import { SettingsPatchSchema } from '../settings/patch';
import { NetworkSchema, ShareKindSchema, ShareSchema } from '../shares';
import type { ClaimResult, ShareLogResult } from './protocol';

// Every message, declared once: its payload schema (the protocol's types are inferred from it), who
// may send it, and the type of its answer. The background registers one handler per message with
// `handle` (lib/background/handle.ts), which validates the payload and the sender from this table.
// Content scripts and the popup import only types from here (zod stays out of their bundles).

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
  layout: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
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
// Feed sync and reporting.
export const FeedRefreshSchema = z.strictObject({ force: z.boolean().optional() });
export const SendReportsNowSchema = z.strictObject({});
/** The endpoint is compared with the configured one before anything is stored. */
export const AnswerReportDestinationSchema = z.strictObject({
  endpoint: z.string().min(1).max(2048),
  agree: z.boolean(),
});
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

/**
 * Who may send a message: `content`, our own content script in a tab of the payload's network's site;
 * `page`, one of our own extension pages (popup, options, welcome), never a web page.
 */
export type SenderKind = 'content' | 'page';

/** The answer type of a message (a type only: answers are ours, not validated). */
const answer = <T>() => undefined as unknown as T;

export const MESSAGES = {
  'cs:shareDetected': { from: 'content', schema: DetectedShareSchema, answer: answer<ShareLogResult>() },
  /** Detection may be missing shares on this page (lib/background/diagnostics.ts); content-free. */
  'cs:detectDiagnostic': { from: 'content', schema: DetectDiagnosticSchema, answer: answer<{ ok: true }>() },
  'ui:recordIntent': { from: 'page', schema: RecordIntentSchema, answer: answer<{ ok: true }>() },
  /** The popup opened: its posts count as seen and the toolbar badge clears (lib/background/badge.ts). */
  'ui:popupOpened': { from: 'page', schema: PopupOpenedSchema, answer: answer<{ ok: true }>() },
  /** The popup asks for a refresh when it opens (only fetched when older than an hour, or `force`). */
  'ui:feedMaybeRefresh': {
    from: 'page',
    schema: FeedRefreshSchema,
    answer: answer<{ refreshed: boolean }>(),
    emptyIfAbsent: true,
  },
  /** "Send now": delivers queued reports. */
  'ui:sendReportsNow': {
    from: 'page',
    schema: SendReportsNowSchema,
    answer: answer<{ sent: number; failed: number; queued: number }>(),
    emptyIfAbsent: true,
  },
  /** The employee's answer when reporting paused for a new endpoint: agree to it, or keep paused. */
  'ui:answerReportDestination': { from: 'page', schema: AnswerReportDestinationSchema, answer: answer<{ ok: true }>() },
  'ui:suggestPage': { from: 'page', schema: SuggestPageSchema, answer: answer<{ ok: true; id: number }>() },
  'ui:queueSuggestions': {
    from: 'page',
    schema: QueueSuggestionsSchema,
    answer: answer<{ ok: true; queued: number }>(),
  },
  'ui:deleteSuggestion': { from: 'page', schema: SuggestionIdSchema, answer: answer<{ ok: true }>() },
  // My data (options page): the employee deletes or restores their own history.
  'ui:deleteShare': { from: 'page', schema: DeleteShareSchema, answer: answer<{ ok: true; deleted: boolean }>() },
  'ui:deleteAllData': { from: 'page', schema: DeleteAllDataSchema, answer: answer<{ ok: true }>() },
  'ui:importShares': {
    from: 'page',
    schema: ImportSharesSchema,
    answer: answer<{ ok: true; added: number; skipped: number }>(),
  },
  'ui:forgetTexts': { from: 'page', schema: ForgetTextsSchema, answer: answer<{ ok: true; changed: number }>() },
  // Missed shares: hide the "may be missing shares" notice until the next note; claim a share by its link.
  'ui:dismissDiagnostics': { from: 'page', schema: DismissDiagnosticsSchema, answer: answer<{ ok: true }>() },
  'ui:claimShare': { from: 'page', schema: ClaimShareSchema, answer: answer<ClaimResult>() },
  /** A page changes settings: the changed fields only; the background applies them and writes (lib/background/settings.ts). */
  'ui:patchSettings': { from: 'page', schema: SettingsPatchSchema, answer: answer<{ ok: true }>() },
} satisfies Record<string, { from: SenderKind; schema: z.ZodType; answer: unknown; emptyIfAbsent?: true }>;

export type MessageName = keyof typeof MESSAGES;
/** A message's payload as its handler receives it (after validation). */
export type Payload<K extends MessageName> = z.output<(typeof MESSAGES)[K]['schema']>;
/** A message's payload as a sender writes it. */
export type PayloadIn<K extends MessageName> = z.input<(typeof MESSAGES)[K]['schema']>;
export type Answer<K extends MessageName> = (typeof MESSAGES)[K]['answer'];
