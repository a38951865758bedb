import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressProgram } from '../../lib/progress';
import { popupProgress } from './helpers/progress';

/**
 * Period boundaries in real time zones. Node re-reads TZ when it changes, so each case sets it and
 * builds instants from UTC (Date.UTC), which do not depend on the zone the test machine runs in.
 */
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});
const program: ProgressProgram = { period: 'month', threshold: 20, points: { linkedin: 10, x: 5, ownContent: 1 } };
const utc = (iso: string) => Date.parse(iso);

describe.each([
  // Berlin is UTC+1 in winter, UTC+2 in summer.
  ['Europe/Berlin', '2026-10-31T22:30:00Z', '2026-10-31T23:30:00Z'], // 23:30 on the 31st vs 00:30 on 1 Nov
  // New York is UTC−5/−4: late evening on the 31st is already November in UTC.
  ['America/New_York', '2026-11-01T03:30:00Z', '2026-11-01T04:30:00Z'],
  // Auckland (UTC+13 in its summer): the month starts on 31 Oct UTC.
  ['Pacific/Auckland', '2026-10-31T10:30:00Z', '2026-10-31T11:30:00Z'],
  // Kolkata has a half-hour offset (UTC+5:30).
  ['Asia/Kolkata', '2026-10-31T18:00:00Z', '2026-10-31T18:45:00Z'],
])('month boundary in %s', (tz, lastOctober, firstNovember) => {
  it('puts a share on the 31st at night into October and the next one into November', () => {
    process.env.TZ = tz;
    const now = utc('2026-11-15T12:00:00Z');
    const p = popupProgress(
      [
        { at: utc(lastOctober), network: 'linkedin', postId: 'a' },
        { at: utc(firstNovember), network: 'x', postId: 'b' },
      ],
      program,
      now,
    );
    expect(p.points).toBe(5);
    expect(p.thisMonth).toBe(1);
    expect(p.byNetwork).toEqual({ linkedin: 0, x: 1 });
  });
});

describe('DST changes (Europe/Berlin)', () => {
  it('keeps the spring-forward week seven calendar days long (one hour shorter)', () => {
    process.env.TZ = 'Europe/Berlin';
    // DST starts Sunday 29 March 2026 at 02:00. Week: Mon 23 Mar 00:00 CET → Mon 30 Mar 00:00 CEST.
    const now = utc('2026-03-29T20:00:00Z');
    const p = popupProgress(
      [
        { at: utc('2026-03-29T21:59:00Z'), network: 'x', postId: null }, // Sunday 23:59 CEST: this week
        { at: utc('2026-03-22T22:59:00Z'), network: 'x', postId: null }, // Sunday 22 Mar 23:59 CET: last week
      ],
      { ...program, period: 'week' },
      now,
    );
    const week = p.weeks[11]!;
    expect(week.start).toBe(utc('2026-03-22T23:00:00Z'));
    expect(p.period.end - p.period.start).toBe(7 * 24 * 3600_000 - 3600_000);
    expect(p.thisWeek).toBe(1);
    expect(p.points).toBe(1);
    expect(p.weeks[10]!.shares).toBe(1);
  });

  it('keeps the fall-back month boundary at local midnight (October has an extra hour)', () => {
    process.env.TZ = 'Europe/Berlin';
    // DST ends Sunday 25 October 2026. November starts 1 Nov 00:00 CET = 31 Oct 23:00 UTC.
    const now = utc('2026-10-31T22:30:00Z'); // 23:30 local on the 31st
    const p = popupProgress([{ at: utc('2026-10-25T01:30:00Z'), network: 'linkedin', postId: 'a' }], program, now);
    expect(p.period.start).toBe(utc('2026-09-30T22:00:00Z'));
    expect(p.period.end).toBe(utc('2026-10-31T23:00:00Z'));
    expect(p.period.end - p.period.start).toBe(31 * 24 * 3600_000 + 3600_000);
    expect(p.points).toBe(10);
  });
});
