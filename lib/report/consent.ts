import type { Settings } from '../settings/schema';
import type { ReportTarget } from './schedule';

/**
 * Where reporting stands, from the employee's choices and the endpoint configured now:
 * - `off`: reporting is off; nothing is queued or sent.
 * - `no-endpoint`: on, but nobody named a destination yet.
 * - `active`: on, and the configured endpoint is the one the employee agreed to.
 * - `paused`: on, but the endpoint (from the feed or a policy) is not the one they agreed to: nothing
 *   is queued or sent until they agree to `target`, or the endpoint changes back.
 */
export type ConsentState =
  | { kind: 'off' }
  | { kind: 'no-endpoint' }
  | { kind: 'active'; target: ReportTarget }
  | { kind: 'paused'; target: ReportTarget; consented: string | null; declined: boolean };

export function consentState(reporting: Settings['reporting'], target: ReportTarget | null): ConsentState {
  if (!reporting.enabled) return { kind: 'off' };
  if (!target) return { kind: 'no-endpoint' };
  if (reporting.consentedEndpoint === target.endpoint) return { kind: 'active', target };
  return {
    kind: 'paused',
    target,
    consented: reporting.consentedEndpoint,
    declined: reporting.declinedEndpoint === target.endpoint,
  };
}

/** storage.local key the background keeps while reporting is paused, for the popup's prompt. */
export const REPORT_PAUSE_KEY = 'reportingPaused';

/** What the popup needs to ask again (written by the background, absent when nothing is paused). */
export interface ReportPause {
  endpoint: string;
  /** The endpoint's host in ASCII (punycode) form. */
  host: string;
  source: ReportTarget['source'];
  /** The employee chose "Keep paused" for this endpoint: the popup does not ask again. */
  declined: boolean;
}

/** Reads the stored pause notice defensively (storage is not trusted to hold what we wrote). */
export function readReportPause(raw: unknown): ReportPause | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.endpoint !== 'string' || typeof r.host !== 'string') return null;
  return {
    endpoint: r.endpoint,
    host: r.host,
    source: r.source === 'managed' ? 'managed' : 'feed',
    declined: r.declined === true,
  };
}
