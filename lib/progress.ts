import { localDate, periodContaining, shiftPeriod, type Period, type PeriodKind } from './period';
import type { Network } from './shares';
import type { DayTotal, PeriodPost } from './stats';

/**
 * The employee's own progress, computed on the device from the program's rules. Pure: from shares
 * (`computeProgress`) or from the daily summary the popup reads (`computeProgressFromDays`, one
 * indexed range from `sinceFor`), and the time.
 *
 * Rules (documented for employees in the README):
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

export interface Progress {
  /** The program period (or the month when there is no program). */
  period: Period;
  points: number;
  /** Null when the feed has no program. */
  threshold: number | null;
  remaining: number | null;
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
export function pointsFor(share: ProgressShare, program: ProgressProgram): number {
  return share.postId === null ? (program.points.ownContent ?? 0) : program.points[share.network];
}

/** Points earned in `period` under `program`. */
export function periodPoints(shares: ProgressShare[], program: ProgressProgram, period: Period): number {
  const counted = new Set<string>();
  let points = 0;
  for (const s of shares) {
    if (s.at < period.start || s.at >= period.end) continue;
    if (s.postId !== null) {
      const key = `${s.network} ${s.postId}`;
      if (counted.has(key)) continue;
      counted.add(key);
    }
    points += pointsFor(s, program);
  }
  return points;
}

const inside = (p: Period) => (s: ProgressShare) => s.at >= p.start && s.at < p.end;

export function computeProgress(shares: ProgressShare[], program: ProgressProgram | undefined, now: number): Progress {
  const period = periodContaining(program?.period ?? 'month', now);
  const inPeriod = shares.filter(inside(period));
  const points = program ? periodPoints(inPeriod, program, period) : 0;
  const week = periodContaining('week', now);
  const weeks: WeekBucket[] = [];
  for (let i = CHART_WEEKS - 1; i >= 0; i--) {
    const w = shiftPeriod(week, -i);
    weeks.push({ start: w.start, shares: shares.filter(inside(w)).length });
  }
  return {
    period,
    points,
    threshold: program?.threshold ?? null,
    remaining: program ? Math.max(0, program.threshold - points) : null,
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

/** The `periodPosts` keys (lib/stats.ts) that make up a program period: its week, its month or its three months. */
export function periodPostKeys(period: Period): string[] {
  const first = localDate(period.start);
  if (period.kind === 'week') return [`w${first}`];
  const months = period.kind === 'quarter' ? 3 : 1;
  return Array.from({ length: months }, (_, i) => `m${localDate(shiftPeriod(periodContaining('month', period.start), i).start).slice(0, 7)}`);
}

/**
 * The same progress from the summary (lib/stats.ts) — what the popup uses, so opening it reads a
 * few hundred rows whatever the size of the log: day totals since `sinceFor`, and the program
 * period's posts (`periodPostKeys`). Periods are whole local days, so comparing the rows' local
 * dates with the periods' first and end dates gives exactly what `computeProgress` gives for the
 * shares the rows summarise (a property test holds the two together).
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
  return {
    period,
    points,
    threshold: program?.threshold ?? null,
    remaining: program ? Math.max(0, program.threshold - points) : null,
    byNetwork: { linkedin: sum(period, 'linkedin'), x: sum(period, 'x') },
    thisWeek: weeks[CHART_WEEKS - 1]!.shares,
    thisMonth: sum(periodContaining('month', now)),
    weeks,
    activeOfLast4: weeks.slice(-4).filter((w) => w.shares > 0).length,
  };
}

/** Which networks each post was shared on (any time): drives "Shared ✓". */
export function sharedNetworks(shares: { postId: string | null; network: Network }[]): Map<string, Set<Network>> {
  const map = new Map<string, Set<Network>>();
  for (const s of shares) {
    if (s.postId === null) continue;
    let set = map.get(s.postId);
    if (!set) map.set(s.postId, (set = new Set()));
    set.add(s.network);
  }
  return map;
}
