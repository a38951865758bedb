import { periodContaining, shiftPeriod } from '../period';
import type { ReportPeriod } from '../privacy/report';
import { nextReportPeriod } from '../privacy/schedule';

/** At most this many missed periods are caught up after a long absence (about a quarter of weeks). */
export const MAX_CATCH_UP = 13;

export function periodKind(schedule: 'weekly' | 'monthly' | undefined): 'week' | 'month' {
  return schedule === 'monthly' ? 'month' : 'week';
}

/**
 * Periods that have ended since `cursor` (the time up to which reporting is done), oldest first, and
 * the new cursor. A period is due once `now` reaches its end; the clock is a parameter so this is
 * testable without waiting a week.
 */
export function duePeriods(
  kind: 'week' | 'month',
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
 * When the current period ends: the moment the next report becomes due. The period is the one the
 * options preview shows (nextReportPeriod), so both agree on what "the next report" covers.
 */
export function nextPeriodEnd(kind: 'week' | 'month', now: number): number {
  // Stryker disable next-line StringLiteral: nextReportPeriod reads anything but 'monthly' as weekly
  return nextReportPeriod(kind === 'month' ? 'monthly' : 'weekly', now).end;
}
