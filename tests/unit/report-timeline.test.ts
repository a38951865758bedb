import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining, localDate } from '../../lib/period';
import { buildReport, type ReportPeriod } from '../../lib/report/build';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import type { Share } from '../../lib/shares';

/**
 * buildReport places shares in day/week buckets by binary search over precomputed starts (fast for
 * 100,000 shares, see npm run bench). It must give exactly what the obvious per-share
 * periodContaining() gives — including across DST changes, so this runs in Europe/Berlin.
 */
let tz: string | undefined;
beforeAll(() => {
  tz = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = tz;
});

const settings = (timeDetail: 'day' | 'week'): Settings => ({
  ...DEFAULT_SETTINGS,
  installId: 'test-install-01',
  reporting: {
    ...DEFAULT_SETTINGS.reporting,
    enabled: true,
    fields: { ...DEFAULT_SETTINGS.reporting.fields, totalShares: true, byNetwork: true, timeDetail },
  },
});

function naive(shares: Share[], period: ReportPeriod, detail: 'day' | 'week') {
  const buckets = new Map<number, Share[]>();
  for (const s of shares.filter((x) => x.at >= period.start && x.at < period.end)) {
    const key = periodContaining(detail, s.at).start;
    buckets.set(key, [...(buckets.get(key) ?? []), s]);
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([start, list]) => ({
      start: localDate(Math.max(start, period.start)), // a week bucket of a monthly report starts at the period
      totalShares: list.length,
      byNetwork: {
        linkedin: list.filter((s) => s.network === 'linkedin').length,
        x: list.filter((s) => s.network === 'x').length,
      },
    }));
}

describe('report timeline buckets', () => {
  // March and October 2026 hold Europe's DST changes; a week bucket can start in the previous month.
  const months = [Date.UTC(2026, 2, 15), Date.UTC(2026, 9, 15), Date.UTC(2026, 10, 15), Date.UTC(2027, 0, 15)];
  it.each(['day', 'week'] as const)('match per-share periodContaining (%s detail)', (detail) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...months),
        fc.array(fc.tuple(fc.double({ min: -0.05, max: 1.05, noNaN: true }), fc.boolean()), { maxLength: 200 }),
        (mid, points) => {
          const month = periodContaining('month', mid);
          const period: ReportPeriod = { ...month, kind: 'month' };
          const len = month.end - month.start;
          const shares: Share[] = points.map(([f, li], i) => ({
            id: `s${i}`,
            at: Math.floor(month.start + f * len),
            network: li ? 'linkedin' : 'x',
            kind: 'post',
            postId: null,
            surface: 'composer',
            urls: [],
          }));
          // Exact boundaries too: the first millisecond of every day in the month and the one before it.
          const edge = (id: string, at: number): Share => ({
            id,
            at,
            network: 'x',
            kind: 'post',
            postId: null,
            surface: 'composer',
            urls: [],
          });
          for (let d = periodContaining('day', month.start); d.start < month.end; d = periodContaining('day', d.end)) {
            shares.push(edge(`start-${d.start}`, d.start), edge(`before-${d.start}`, d.start - 1));
          }
          shares.push(edge('last', month.end - 1));
          const report = buildReport(shares, settings(detail), period, month.end);
          expect(report?.timeline).toEqual(naive(shares, period, detail));
        },
      ),
      { numRuns: 60 },
    );
  });
});
