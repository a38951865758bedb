import { describe, expect, it } from 'vitest';
import { localDate, periodContaining, shiftPeriod, type PeriodKind } from '../../lib/period';

const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const dates = (kind: PeriodKind, t: number, n: number) => {
  const p = shiftPeriod(periodContaining(kind, t), n);
  return [localDate(p.start), localDate(p.end)];
};

describe('calendar periods', () => {
  it('shift by several steps either way, for every kind', () => {
    const t = at(2026, 5, 20, 15); // a Wednesday in the second quarter
    expect(dates('day', t, 3)).toEqual(['2026-05-23', '2026-05-24']);
    expect(dates('day', t, -2)).toEqual(['2026-05-18', '2026-05-19']);
    expect(dates('week', t, 2)).toEqual(['2026-06-01', '2026-06-08']);
    expect(dates('week', t, -3)).toEqual(['2026-04-27', '2026-05-04']);
    expect(dates('month', t, 8)).toEqual(['2027-01-01', '2027-02-01']);
    expect(dates('month', t, -5)).toEqual(['2025-12-01', '2026-01-01']);
    expect(dates('quarter', t, 2)).toEqual(['2026-10-01', '2027-01-01']);
    expect(dates('quarter', t, -3)).toEqual(['2025-07-01', '2025-10-01']);
  });
});
