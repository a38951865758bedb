import type { FeedCacheRow } from '../db';
import type { ManagedConfig } from '../managed';
import { periodContaining, shiftPeriod } from '../period';
import type { ProgressProgram } from '../progress';
import type { ReportPeriod } from './build';

/** How often the feed asks for reports. Everything below works on the period kind (`periodKind`). */
export type Schedule = 'weekly' | 'monthly';

export interface ReportTarget {
  endpoint: string;
  schedule: Schedule;
  /** Where the endpoint comes from: an administrator's policy wins over the company feed. */
  source: 'managed' | 'feed';
}

/** At most this many missed periods are caught up after a long absence (about a quarter of weeks). */
export const MAX_CATCH_UP = 13;

/** First retry after about a minute; never wait more than six hours between attempts. */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;

/**
 * Where and how often reports would go, or null when nobody configured an endpoint. The one answer
 * for both the sender (lib/background/reporting.ts) and the preview in options. `feedSource` is the
 * feed cache's source: the built-in demo feed's endpoint is never used (the demo company is not the
 * employer), so with the demo feed only an administrator's endpoint counts.
 */
export function reportTarget(
  managed: ManagedConfig,
  feed: FeedCacheRow['feed'] | undefined,
  feedSource?: string | null,
): ReportTarget | null {
  const schedule = feed?.reporting?.schedule ?? 'weekly';
  if (managed.reportEndpoint) return { endpoint: managed.reportEndpoint, schedule, source: 'managed' };
  if (feed?.reporting?.endpoint && feedSource !== 'demo')
    return { endpoint: feed.reporting.endpoint, schedule, source: 'feed' };
  return null;
}

/**
 * The program whose rules the report's bonus status applies: the company feed's, never the demo's
 * (the demo company runs no bonus for this employee). The sender and the preview both ask this.
 */
export function reportProgram(row: Pick<FeedCacheRow, 'feed' | 'source'> | undefined): ProgressProgram | undefined {
  return row?.source === 'demo' ? undefined : (row?.feed?.program ?? undefined);
}

/** The one translation from the feed's schedule to the period a report covers. */
export function periodKind(schedule: Schedule | undefined): ReportPeriod['kind'] {
  return schedule === 'monthly' ? 'month' : 'week';
}

/**
 * The period the next report covers: the current calendar week or month, sent once it is over.
 * The preview shows it as it stands now, so the employee sees what is counted as it is counted.
 */
export function nextReportPeriod(schedule: Schedule, now: number): ReportPeriod {
  const kind = periodKind(schedule);
  const { start, end } = periodContaining(kind, now);
  return { kind, start, end };
}

/**
 * When the current period ends: the moment the next report becomes due. The same period the
 * options preview shows (nextReportPeriod), so both agree on what "the next report" covers.
 */
export function nextPeriodEnd(kind: ReportPeriod['kind'], now: number): number {
  return periodContaining(kind, now).end;
}

/**
 * Periods that have ended since `cursor` (the time up to which reporting is done), oldest first, and
 * the new cursor. A period is due once `now` reaches its end; the clock is a parameter so this is
 * testable without waiting a week.
 */
export function duePeriods(
  kind: ReportPeriod['kind'],
  cursor: number,
  now: number,
  max = MAX_CATCH_UP,
): { periods: ReportPeriod[]; cursor: number } {
  const periods: ReportPeriod[] = [];
  let p = periodContaining(kind, cursor) as ReportPeriod;
  while (p.end <= now) {
    periods.push(p);
    p = shiftPeriod(p, 1) as ReportPeriod;
  }
  const last = periods.at(-1);
  return { periods: periods.slice(-max), cursor: last ? last.end : cursor };
}

/**
 * Delay before the next attempt after `failures` failed attempts (1 = the first failure):
 * exponential, capped, with "equal jitter" — a random value in [d/2, d] — so many installs that
 * failed together (the company's server was down) do not all come back in the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(failures));
  const d = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 30));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(d / 2 + r * (d / 2));
}
