import { localDate, periodContaining, shiftPeriod, type Period, type PeriodKind } from './period';
import type { Network } from './shares';
import type { DayTotal, PeriodPost } from './stats';

/**
 * The employee's own progress, computed on the device from the program's rules. Pure: from the daily
 * summary the popup reads (`computeProgressFromDays`, one indexed range from `sinceFor`) and the
 * time; the report's bonus status from the shares of one program period (`programStanding`).
 *
 * Rules (documented for employees in docs/popup.md):
 * - a share of an approved post earns the program's points for its network; the same post on the
 *   same network earns them once per program period (sharing it again is welcome, it just does not
 *   count twice);
 * - a share of the employee's own content (postId null) earns `ownContent` points each time;
 * - every kind counts the same (post, repost, quote);
 * - periods are local calendar periods (lib/period.ts), so a share at 23:30 on the 31st belongs to
 *   that month in the employee's own time zone, across DST changes too.
 */
export interface ProgressShare {
  at: number;
  network: Network;
  postId: string | null;
}

export interface ProgressProgram {
  period: 'week' | 'month' | 'quarter';
  threshold: number;
  points: { linkedin: number; x: number; ownContent?: number };
}

export interface WeekBucket {
  start: number;
  shares: number;
}

/**
 * Where the employee stands in one program period. The popup shows it and the report's bonus status
 * (lib/report/build.ts) sends it, both from `standing`, so the two can never disagree on who qualified.
 */
export interface Standing {
  points: number;
  threshold: number;
  remaining: number;
  qualified: boolean;
}

export function standing(points: number, program: ProgressProgram): Standing {
  const remaining = Math.max(0, program.threshold - points);
  return { points, threshold: program.threshold, remaining, qualified: remaining === 0 };
}

/** The standing in `period` (a program period) from the shares: what the report's bonus status carries. */
export function programStanding(shares: ProgressShare[], program: ProgressProgram, period: Period): Standing {
  return standing(periodPoints(shares, program, period), program);
}

export interface Progress {
  /** The program period (or the month when there is no program). */
  period: Period;
  points: number;
  /** Null when the feed has no program. */
  threshold: number | null;
  remaining: number | null;
  /** Null when the feed has no program. */
  qualified: boolean | null;
  /** Shares in the program period, by network. */
  byNetwork: Record<Network, number>;
  thisWeek: number;
  thisMonth: number;
  /** The last 12 weeks, oldest first; the last one is the current week. */
  weeks: WeekBucket[];
  /** Weeks with at least one share among the last 4 (current week included). */
  activeOfLast4: number;
}

export const CHART_WEEKS = 12;

/** Earliest instant the popup must read to compute progress at `now`: one indexed range, no scan. */
export function sinceFor(program: ProgressProgram | undefined, now: number): number {
  const weeks = shiftPeriod(periodContaining('week', now), -(CHART_WEEKS - 1)).start;
  const kinds: PeriodKind[] = ['month', program?.period ?? 'month'];
  return Math.min(weeks, ...kinds.map((k) => periodContaining(k, now).start));
}

/** Points one share earns on its own (before the once-per-post-and-network rule). */
function pointsFor(share: ProgressShare, program: ProgressProgram): number {
  return share.postId === null ? (program.points.ownContent ?? 0) : program.points[share.network];
}

/** Points earned in `period` under `program`. */
function periodPoints(shares: ProgressShare[], program: ProgressProgram, period: Period): number {
  // Networks already counted per post, as bits: no string built per share (reports run this over
  // the whole log; npm run bench).
  const counted = new Map<string, number>();
  let points = 0;
  for (const s of shares) {
    if (s.at < period.start || s.at >= period.end) continue;
    if (s.postId !== null) {
      // Stryker disable next-line EqualityOperator: which network gets which bit is arbitrary, only that they differ
      const bit = s.network === 'linkedin' ? 1 : 2;
      const seen = counted.get(s.postId) ?? 0;
      if (seen & bit) continue;
      counted.set(s.postId, seen | bit);
    }
    points += pointsFor(s, program);
  }
  return points;
}

/** The `periodPosts` keys (lib/stats.ts) that make up a program period: its week, its month or its three months. */
export function periodPostKeys(period: Period): string[] {
  const first = localDate(period.start);
  if (period.kind === 'week') return [`w${first}`];
  const months = period.kind === 'quarter' ? 3 : 1;
  return Array.from(
    { length: months },
    (_, i) => `m${localDate(shiftPeriod(periodContaining('month', period.start), i).start).slice(0, 7)}`,
  );
}

/**
 * The same progress from the summary (lib/stats.ts) — what the popup uses, so opening it reads a
 * few hundred rows whatever the size of the log: day totals since `sinceFor`, and the program
 * period's posts (`periodPostKeys`). Periods are whole local days, so comparing the rows' local
 * dates with the periods' first and end dates gives exactly what counting the shares the rows
 * summarise would give (a property test holds the two together).
 */
export function computeProgressFromDays(
  totals: DayTotal[],
  posts: PeriodPost[],
  program: ProgressProgram | undefined,
  now: number,
): Progress {
  const sum = (p: Period, network?: Network) => {
    const from = localDate(p.start);
    const to = localDate(p.end);
    let n = 0;
    for (const t of totals) if (t.day >= from && t.day < to && (!network || t.network === network)) n += t.count;
    return n;
  };
  const period = periodContaining(program?.period ?? 'month', now);
  let points = 0;
  if (program) {
    const keys = new Set(periodPostKeys(period));
    const counted = new Set<string>();
    for (const p of posts) {
      if (!keys.has(p.period)) continue;
      if (p.postKey === '') points += p.count * (program.points.ownContent ?? 0);
      else if (!counted.has(`${p.network} ${p.postKey}`)) {
        counted.add(`${p.network} ${p.postKey}`);
        points += program.points[p.network];
      }
    }
  }
  const week = periodContaining('week', now);
  const weeks: WeekBucket[] = [];
  for (let i = CHART_WEEKS - 1; i >= 0; i--) {
    const w = shiftPeriod(week, -i);
    weeks.push({ start: w.start, shares: sum(w) });
  }
  const stand = program ? standing(points, program) : null;
  return {
    period,
    points,
    threshold: stand?.threshold ?? null,
    remaining: stand?.remaining ?? null,
    qualified: stand?.qualified ?? null,
    byNetwork: { linkedin: sum(period, 'linkedin'), x: sum(period, 'x') },
    thisWeek: weeks[CHART_WEEKS - 1]!.shares,
    thisMonth: sum(periodContaining('month', now)),
    weeks,
    activeOfLast4: weeks.slice(-4).filter((w) => w.shares > 0).length,
  };
}
