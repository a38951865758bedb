import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, periodContaining, type PeriodKind } from '../../lib/period';
import { buildReport, REPORT_VERSION, type Report, type ReportPeriod } from '../../lib/report/build';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import type { Share } from '../../lib/shares';

/**
 * buildReport counts everything in one pass (fast enough for 100,000 shares: npm run bench). This
 * pins it to the plain, obviously-correct version it replaced, for any shares and any choice of
 * fields: same payload, byte for byte.
 */
function reference(shares: Share[], settings: Settings, period: ReportPeriod, now: number): Report | null {
  const { reporting } = settings;
  if (!reporting.enabled) return null;
  const f = reporting.fields;
  const countByNetwork = (list: Share[]) => {
    const counts = { linkedin: 0, x: 0 };
    for (const s of list) counts[s.network]++;
    return counts;
  };
  const inPeriod = shares.filter((s) => s.at >= period.start && s.at < period.end);
  const installId = settings.installId ?? 'unassigned';
  const named = f.identity === 'named' && reporting.name !== '' && reporting.email !== '';
  const report: Report = {
    schemaVersion: REPORT_VERSION,
    identity: named
      ? { kind: 'named', installId, name: reporting.name, email: reporting.email }
      : { kind: 'anonymous', installId },
    period: { kind: period.kind, start: localDate(period.start), end: localDate(period.end) },
    generatedAt: new Date(now).toISOString(),
  };
  if (f.totalShares) report.totalShares = inPeriod.length;
  if (f.byNetwork) report.byNetwork = countByNetwork(inPeriod);
  if (f.approvedPosts) {
    const perPost = new Map<string, number>();
    for (const s of inPeriod) if (s.postId !== null) perPost.set(s.postId, (perPost.get(s.postId) ?? 0) + 1);
    // Code-point order, as buildReport: the bytes must not depend on the browser's language.
    report.approvedPosts = [...perPost]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([postId, shares]) => ({ postId, shares }));
  }
  if (f.ownCount) report.ownShares = inPeriod.filter((s) => s.postId === null).length;
  if (f.manualCount) report.manualShares = inPeriod.filter((s) => s.surface === 'manual').length;
  if (f.timeDetail !== 'none' && (f.totalShares || f.byNetwork)) {
    const buckets = new Map<number, Share[]>();
    for (const s of inPeriod) {
      const key = periodContaining(f.timeDetail, s.at).start;
      buckets.set(key, [...(buckets.get(key) ?? []), s]);
    }
    report.timeline = [...buckets]
      .sort(([a], [b]) => a - b)
      .map(([start, list]) => ({
        start: localDate(Math.max(start, period.start)), // a week bucket of a monthly report starts at the period
        ...(f.totalShares ? { totalShares: list.length } : {}),
        ...(f.byNetwork ? { byNetwork: countByNetwork(list) } : {}),
      }));
  }
  return report;
}

const fieldsArb = fc.record({
  totalShares: fc.boolean(),
  byNetwork: fc.boolean(),
  approvedPosts: fc.boolean(),
  ownCount: fc.boolean(),
  manualCount: fc.boolean(),
  timeDetail: fc.constantFrom('none', 'week', 'day' as const),
  identity: fc.constantFrom('anonymous', 'named' as const),
  // The bonus and links are held by report-property and report-bonus tests; here, the counts.
  bonus: fc.constant('off' as const),
  shareLinks: fc.constant(false),
});

const MID = Date.UTC(2026, 9, 20);
const EDGES: number[] = [];
for (
  let d = periodContaining('day', MID - 40 * 86_400_000);
  d.start < MID + 40 * 86_400_000;
  d = periodContaining('day', d.end)
) {
  EDGES.push(d.start, d.start - 1);
}

describe('buildReport', () => {
  it('gives exactly the payload of the plain implementation, for any shares and fields', () => {
    const mid = MID; // October 2026: a DST change in Europe
    fc.assert(
      fc.property(
        fieldsArb,
        fc.boolean(),
        fc.constantFrom<PeriodKind>('week', 'month'),
        fc.array(
          fc.record({
            // Anywhere, or exactly on an edge: a day start, the millisecond before it, a period's end.
            at: fc.oneof(
              fc.integer({ min: mid - 40 * 86_400_000, max: mid + 40 * 86_400_000 }),
              fc.constantFrom(...EDGES),
            ),
            network: fc.constantFrom('linkedin', 'x' as const),
            surface: fc.constantFrom('intent', 'composer', 'manual' as const),
            postId: fc.option(fc.constantFrom('p-a', 'p-B', 'p-c', 'ä-post', 'p-10', 'p-9'), { nil: null }),
          }),
          { maxLength: 300 },
        ),
        (fields, enabled, kind, raw) => {
          const settings: Settings = {
            ...DEFAULT_SETTINGS,
            installId: 'test-install-01',
            reporting: { ...DEFAULT_SETTINGS.reporting, enabled, name: 'Ada', email: 'ada@acme.example', fields },
          };
          const period: ReportPeriod = { ...periodContaining(kind, mid), kind: kind as 'week' | 'month' };
          const shares: Share[] = raw.map((r, i) => ({ id: `s${i}`, kind: 'post', urls: [], ...r }));
          expect(JSON.stringify(buildReport(shares, settings, period, mid))).toBe(
            JSON.stringify(reference(shares, settings, period, mid)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
