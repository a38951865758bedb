import { periodContaining, shiftPeriod, type Period } from '../../../lib/period';
import {
  CHART_WEEKS,
  computeProgressFromDays,
  programStanding,
  type Progress,
  type ProgressProgram,
  type ProgressShare,
  type WeekBucket,
} from '../../../lib/progress';
import { summarise } from '../../../lib/stats';

/**
 * What the popup shows for these shares: the summary the background keeps of them (lib/stats.ts
 * `summarise`, what every write applies) read by the popup's own computation.
 */
export function popupProgress(shares: ProgressShare[], program: ProgressProgram | undefined, now: number): Progress {
  const { totals, posts } = summarise(shares);
  return computeProgressFromDays(totals, posts, program, now);
}

const inside = (p: Period) => (s: ProgressShare) => s.at >= p.start && s.at < p.end;

/**
 * The reference model: the same progress counted straight from the log, share by share, with no
 * summary in between. Property tests hold the popup's computation from the summary to it.
 */
export function progressFromLog(shares: ProgressShare[], program: ProgressProgram | undefined, now: number): Progress {
  const period = periodContaining(program?.period ?? 'month', now);
  const inPeriod = shares.filter(inside(period));
  const stand = program ? programStanding(inPeriod, program, period) : null;
  const week = periodContaining('week', now);
  const weeks: WeekBucket[] = [];
  for (let i = CHART_WEEKS - 1; i >= 0; i--) {
    const w = shiftPeriod(week, -i);
    weeks.push({ start: w.start, shares: shares.filter(inside(w)).length });
  }
  return {
    period,
    points: stand?.points ?? 0,
    threshold: stand?.threshold ?? null,
    remaining: stand?.remaining ?? null,
    qualified: stand?.qualified ?? null,
    byNetwork: {
      linkedin: inPeriod.filter((s) => s.network === 'linkedin').length,
      x: inPeriod.filter((s) => s.network === 'x').length,
    },
    thisWeek: weeks[CHART_WEEKS - 1]!.shares,
    thisMonth: shares.filter(inside(periodContaining('month', now))).length,
    weeks,
    activeOfLast4: weeks.slice(-4).filter((w) => w.shares > 0).length,
  };
}
