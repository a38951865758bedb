import { fetchWithDeadline, readCapped } from '../http';
import { localDate } from '../period';
import type { ReportPeriod } from './build';

/** Reports are small; a server that has not answered in this time is treated as down for now. */
export const REPORT_TIMEOUT_MS = 8_000;
/** The answer is only shown in the sent log: more than this is not even read (a server cannot fill the disk). */
export const MAX_REPORT_RESPONSE_BYTES = 4096;

/**
 * The idempotency key of a report: stable per install and period, so a retry of the same report
 * (after a timeout, a dropped connection or a restart) is recognisable by the receiving server.
 */
export function idempotencyKey(installId: string, kind: ReportPeriod['kind'], periodStart: number): string {
  return `${installId}:${kind}:${localDate(periodStart)}`;
}

export interface SendResult {
  ok: boolean;
  /** HTTP status, or null when no response arrived (timeout, connection dropped, CORS refused). */
  status: number | null;
  /** The response body (trimmed) or the network error. */
  response: string;
}

/**
 * One delivery attempt: a JSON POST carrying the idempotency key. Never throws. Only a 2xx counts as
 * delivered; anything else is retried later with the same key. No cookies go along, and a redirect
 * is an error: the report goes to the destination the employee agreed to, never one a server names.
 */
export async function postReport(
  endpoint: string,
  key: string,
  body: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? REPORT_TIMEOUT_MS;
  const headers = { 'content-type': 'application/json', 'idempotency-key': key };
  const init: RequestInit = { method: 'POST', headers, body, credentials: 'omit', redirect: 'error' };
  return fetchWithDeadline<SendResult>(
    { url: endpoint, init, timeoutMs, fetch: options.fetch },
    async (res) => {
      const read = await readCapped(res, MAX_REPORT_RESPONSE_BYTES).catch(() => '');
      const text = read === null ? `(answer over ${MAX_REPORT_RESPONSE_BYTES} bytes, not read)` : read.slice(0, 500);
      return { ok: res.ok, status: res.status, response: text };
    },
    (error, timedOut) => ({
      ok: false,
      status: null,
      response: timedOut ? `no answer within ${timeoutMs / 1000} s` : error,
    }),
  );
}
