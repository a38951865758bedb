import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DetectDiagnostic, DetectedShare } from '../detect/types';
import type { Network, Share } from '../shares';

export type ShareLogResult = { logged: true; id: string } | { logged: false; reason: string };
export type Rejected = { rejected: string };
/** A claimed share (popup, "Shared it but it isn't counted?"): logged, or why not. */
export type ClaimResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'empty' | 'not-a-link' | 'not-a-post' | 'already-logged' | 'unknown-post' };


/**
 * The one message protocol. Names say the direction: `cs:` content script → background,
 * `ui:` extension page (popup, options, welcome) → background. The background validates every
 * payload and sender with lib/messaging/validate.ts before acting.
 */
export interface ProtocolMap {
  'cs:shareDetected'(data: DetectedShare): ShareLogResult | Rejected;
  /** Detection may be missing shares on this page (lib/background/diagnostics.ts); content-free. */
  'cs:detectDiagnostic'(data: DetectDiagnostic): { ok: true } | Rejected;
  'ui:recordIntent'(data: { postId: string; network: Network }): { ok: true } | Rejected;
  /** The popup opened: its posts count as seen and the toolbar badge clears (lib/background/badge.ts). */
  'ui:popupOpened'(data: Record<string, never>): { ok: true } | Rejected;
  // Feed sync and reporting (issue 6): the popup asks for a refresh when it opens (only fetched when
  // older than an hour, or `force`); "send now" delivers queued reports; page suggestions.
  'ui:feedMaybeRefresh'(data: { force?: boolean }): { refreshed: boolean } | Rejected;
  'ui:sendReportsNow'(data: Record<string, never>): { sent: number; failed: number; queued: number } | Rejected;
  /** The employee's answer when reporting paused for a new endpoint: agree to it, or keep paused. */
  'ui:answerReportDestination'(data: { endpoint: string; agree: boolean }): { ok: true } | Rejected;
  'ui:suggestPage'(data: { url: string; title: string; note: string }): { ok: true; id: number } | Rejected;
  'ui:queueSuggestions'(data: { ids: number[] }): { ok: true; queued: number } | Rejected;
  'ui:deleteSuggestion'(data: { id: number }): { ok: true } | Rejected;
  // My data (options page): the employee deletes or restores their own history.
  'ui:deleteShare'(data: { id: string }): { ok: true; deleted: boolean } | Rejected;
  'ui:deleteAllData'(data: { confirm: 'delete-everything' }): { ok: true } | Rejected;
  'ui:importShares'(data: { shares: Share[] }): { ok: true; added: number; skipped: number } | Rejected;
  'ui:forgetTexts'(data: Record<string, never>): { ok: true; changed: number } | Rejected;
  // Missed shares (issue 11): hide the "may be missing shares" notice until the next note; claim a share by its link.
  'ui:dismissDiagnostics'(data: Record<string, never>): { ok: true } | Rejected;
  'ui:claimShare'(data: { link: string; postId: string | null }): ClaimResult | Rejected;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
