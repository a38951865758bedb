import { z } from 'zod';
import { localDate, periodContaining, shiftPeriod, type Period } from '../period';
import type { Settings } from '../settings/schema';
import type { Share } from '../shares';

export const REPORT_VERSION = 1;

const Count = z.number().int().nonnegative();
const ByNetwork = z.strictObject({ linkedin: Count, x: Count });

/**
 * The report an employer receives. Every optional field is present only when the employee allowed
 * it; a field that is not allowed is absent (never null). Text and links are never part of it.
 */
export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_VERSION),
  identity: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('anonymous'), installId: z.string() }),
    z.strictObject({ kind: z.literal('named'), installId: z.string(), name: z.string(), email: z.string() }),
  ]),
  /** Local calendar dates; `end` is exclusive. */
  period: z.strictObject({ kind: z.enum(['week', 'month']), start: z.iso.date(), end: z.iso.date() }),
  generatedAt: z.iso.datetime(),
  totalShares: Count.optional(),
  byNetwork: ByNetwork.optional(),
  /** Approved posts shared in the period, by post id. */
  approvedPosts: z.array(z.strictObject({ postId: z.string(), shares: Count })).optional(),
  /** Shares of the employee's own (non-approved) content: a count only. */
  ownShares: Count.optional(),
  /**
   * Counts per day or week ('none' detail: absent), in order. A bucket starts at its day or Monday, or at
   * the period start if that is later. Each bucket carries only the allowed counts.
   */
  timeline: z
    .array(z.strictObject({ start: z.iso.date(), totalShares: Count.optional(), byNetwork: ByNetwork.optional() }))
    .optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export interface ReportPeriod extends Period {
  kind: 'week' | 'month';
}

/**
 * Builds the exact payload that would be sent for `period`. Pure. Returns null when reporting is
 * off: then there is nothing to send.
 */
export function buildReport(shares: Share[], settings: Settings, period: ReportPeriod, now: number): Report | null {
  const { reporting } = settings;
  if (!reporting.enabled) return null;
  const f = reporting.fields;
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
  // One pass over the whole log, counting only what is asked for: the popup and options rebuild
  // this on every change, and 100,000 shares must stay well under a frame (npm run bench).
  const timed = f.timeDetail !== 'none' && (f.totalShares || f.byNetwork);
  // The period's day/week starts, computed once with calendar arithmetic (DST-safe); each share is
  // placed by binary search instead of date math per share.
  const starts: number[] = [];
  if (timed && f.timeDetail !== 'none') {
    for (let p = periodContaining(f.timeDetail, period.start); p.start < period.end; p = shiftPeriod(p, 1)) starts.push(p.start);
  }
  const buckets = starts.map(() => ({ total: 0, linkedin: 0, x: 0 }));
  const byNetwork = { linkedin: 0, x: 0 };
  const perPost = new Map<string, number>();
  let total = 0;
  let own = 0;
  for (const s of shares) {
    if (s.at < period.start || s.at >= period.end) continue;
    total++;
    byNetwork[s.network]++;
    if (s.postId === null) own++;
    else perPost.set(s.postId, (perPost.get(s.postId) ?? 0) + 1);
    if (timed) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= s.at) lo = mid;
        else hi = mid - 1;
      }
      const bucket = buckets[lo]!;
      bucket.total++;
      bucket[s.network]++;
    }
  }

  if (f.totalShares) report.totalShares = total;
  if (f.byNetwork) report.byNetwork = byNetwork;
  if (f.approvedPosts) {
    report.approvedPosts = [...perPost]
      // Code-point order, not localeCompare: the bytes must not depend on the browser's language.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([postId, count]) => ({ postId, shares: count }));
  }
  if (f.ownCount) report.ownShares = own;
  if (timed) {
    report.timeline = starts.flatMap((start, i) => {
      const b = buckets[i]!;
      if (b.total === 0) return [];
      return [{
        // A week bucket of a monthly report may begin before the month: it starts at the period.
        start: localDate(Math.max(start, period.start)),
        ...(f.totalShares ? { totalShares: b.total } : {}),
        ...(f.byNetwork ? { byNetwork: { linkedin: b.linkedin, x: b.x } } : {}),
      }];
    });
  }
  return report;
}
