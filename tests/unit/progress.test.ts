import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../lib/period';
import { programStanding, sinceFor, type ProgressProgram, type ProgressShare } from '../../lib/progress';
import { popupProgress, progressFromLog } from './helpers/progress';

const program: ProgressProgram = { period: 'month', threshold: 100, points: { linkedin: 10, x: 5, ownContent: 2 } };
/** Local wall-clock time (whatever TZ this process runs in). */
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const share = (t: number, network: 'x' | 'linkedin', postId: string | null = 'p1'): ProgressShare => ({
  at: t,
  network,
  postId,
});

/** Points one share earns in its program period. */
const pointsOf = (s: ProgressShare, p: ProgressProgram) =>
  programStanding([s], p, periodContaining(p.period, s.at)).points;

describe('points', () => {
  it('gives each network its points and own content its own', () => {
    expect(pointsOf(share(0, 'linkedin'), program)).toBe(10);
    expect(pointsOf(share(0, 'x'), program)).toBe(5);
    expect(pointsOf(share(0, 'x', null), program)).toBe(2);
  });

  it('treats a missing ownContent rule as zero points', () => {
    expect(pointsOf(share(0, 'x', null), { ...program, points: { linkedin: 10, x: 5 } })).toBe(0);
  });

  it('counts an approved post once per network per period, own posts every time', () => {
    const now = at(2026, 11, 25);
    const period = periodContaining('month', now);
    const shares = [
      share(at(2026, 11, 2), 'x', 'p1'),
      share(at(2026, 11, 3), 'x', 'p1'), // same post, same network: no extra points
      share(at(2026, 11, 3), 'linkedin', 'p1'),
      share(at(2026, 11, 4), 'x', 'p2'),
      share(at(2026, 11, 5), 'x', null),
      share(at(2026, 11, 6), 'x', null),
    ];
    expect(programStanding(shares, program, period).points).toBe(5 + 10 + 5 + 2 + 2);
  });

  it('ignores shares outside the period', () => {
    const period = periodContaining('month', at(2026, 11, 25));
    expect(
      programStanding(
        [share(at(2026, 10, 31, 23, 59), 'linkedin'), share(at(2026, 12, 1, 0, 0), 'linkedin')],
        program,
        period,
      ).points,
    ).toBe(0);
  });
});

describe('progress as the popup computes it (from the summary of the shares)', () => {
  const now = at(2026, 11, 25); // a Wednesday

  it('says how many points are missing and stops at zero once qualified', () => {
    const p = popupProgress(
      [share(at(2026, 11, 20), 'linkedin', 'a'), share(at(2026, 11, 21), 'x', 'b')],
      program,
      now,
    );
    expect(p.points).toBe(15);
    expect(p.remaining).toBe(85);
    const many = Array.from({ length: 12 }, (_, i) => share(at(2026, 11, 1 + i), 'linkedin', `p${i}`));
    const q = popupProgress(many, program, now);
    expect(q.points).toBe(120);
    expect(q.remaining).toBe(0);
  });

  it('counts shares this week (from Monday) and this month, and by network in the period', () => {
    const shares = [
      share(at(2026, 11, 23, 0, 0), 'x'), // Monday 00:00: this week
      share(at(2026, 11, 22, 23, 59), 'linkedin'), // Sunday: last week, this month
      share(at(2026, 10, 30), 'x'), // last month
    ];
    const p = popupProgress(shares, program, now);
    expect(p.thisWeek).toBe(1);
    expect(p.thisMonth).toBe(2);
    expect(p.byNetwork).toEqual({ linkedin: 1, x: 1 });
  });

  it('counts a share made at Monday 00:00 in its own week only, never also in the week before', () => {
    const p = popupProgress([share(at(2026, 11, 23, 0, 0), 'x')], program, now);
    expect(p.weeks.slice(-2).map((w) => w.shares)).toEqual([0, 1]);
    expect(p.activeOfLast4).toBe(1);
  });

  it('buckets the last 12 weeks, oldest first, and measures a calm rhythm over 4 weeks', () => {
    const shares = [
      share(at(2026, 11, 24), 'x'), // this week
      share(at(2026, 11, 10), 'x'), // 2 weeks ago
      share(at(2026, 11, 11), 'x'),
      share(at(2026, 11, 3), 'x'), // 3 weeks ago
      share(at(2026, 9, 7), 'x'), // 11 weeks ago (Monday 7 Sep is the oldest bucket)
      share(at(2026, 9, 6), 'x'), // 12 weeks ago: outside the chart
    ];
    const p = popupProgress(shares, program, now);
    expect(p.weeks).toHaveLength(12);
    expect(p.weeks.map((w) => w.shares)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 1]);
    expect(new Date(p.weeks[0]!.start).getDay()).toBe(1);
    expect(p.activeOfLast4).toBe(3);
  });

  it('works without a program: counts but no points or threshold', () => {
    const p = popupProgress([share(at(2026, 11, 24), 'x')], undefined, now);
    expect(p).toMatchObject({ points: 0, threshold: null, remaining: null, thisWeek: 1 });
    expect(p.period.start).toBe(at(2026, 11, 1, 0));
  });

  it('works without a program from the summary too: shares of approved posts are counted, no points', () => {
    const shares = [share(at(2026, 11, 24), 'x', 'a'), share(at(2026, 11, 20), 'linkedin', null)];
    const p = popupProgress(shares, undefined, now);
    expect(p).toMatchObject({ points: 0, threshold: null, remaining: null, qualified: null, thisMonth: 2 });
    expect(p).toEqual(progressFromLog(shares, undefined, now));
  });

  it('uses the program period (week, quarter)', () => {
    const shares = [share(at(2026, 10, 2), 'linkedin', 'a'), share(at(2026, 11, 24), 'x', 'b')];
    expect(popupProgress(shares, { ...program, period: 'quarter' }, now).points).toBe(15);
    expect(popupProgress(shares, { ...program, period: 'week' }, now).points).toBe(5);
  });

  it('reads everything it needs from one range starting at sinceFor', () => {
    const since = sinceFor(program, now);
    expect(since).toBe(at(2026, 9, 7, 0)); // 12 weeks back beats the month start
    expect(sinceFor({ ...program, period: 'quarter' }, at(2027, 3, 30))).toBe(at(2027, 1, 1, 0)); // quarter is longer
  });
});
