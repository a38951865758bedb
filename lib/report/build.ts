import { z } from 'zod';
import { localDate, periodContaining, shiftPeriod, type Period } from '../period';
import { programStanding, type ProgressProgram } from '../progress';
import type { Settings } from '../settings/schema';
import type { Share } from '../shares';

export const REPORT_VERSION = 1;

const Count = z.number().int().nonnegative();
const ByNetwork = z.strictObject({ linkedin: Count, x: Count });
const Network = z.enum(['linkedin', 'x']);

/** The program's rules as applied on the device: the feed's period, threshold and points. */
export const BonusRulesSchema = z.strictObject({
  period: z.enum(['week', 'month', 'quarter']),
  threshold: Count,
  points: z.strictObject({ linkedin: Count, x: Count, ownContent: Count }),
});

/**
 * The employee's standing in one program period, computed with the popup's own rules
 * (lib/progress.ts `programStanding`). `final`: the program period had ended when the report was
 * built, so this is the last word on it; otherwise a later report may say more.
 */
export const BonusStatusSchema = z.strictObject({
  period: z.strictObject({ kind: z.enum(['week', 'month', 'quarter']), start: z.iso.date(), end: z.iso.date() }),
  final: z.boolean(),
  rules: BonusRulesSchema,
  qualified: z.boolean(),
  /** Only when the employee chose "my points". */
  points: Count.optional(),
});
export type BonusStatus = z.infer<typeof BonusStatusSchema>;

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
  /** Of all shares, how many the employee claimed by link because detection missed them. */
  manualShares: Count.optional(),
  /**
   * Counts per day or week ('none' detail: absent), in order. A bucket starts at its day or Monday, or at
   * the period start if that is later. Each bucket carries only the allowed counts.
   */
  timeline: z
    .array(z.strictObject({ start: z.iso.date(), totalShares: Count.optional(), byNetwork: ByNetwork.optional() }))
    .optional(),
  /** One entry per program period the report period touches, oldest first. */
  bonus: z.array(BonusStatusSchema).optional(),
  /** Public links to the employee's shares of approved posts in the period, oldest first. */
  shareLinks: z
    .array(z.strictObject({ postId: z.string(), network: Network, url: z.url({ protocol: /^https$/ }).max(2048) }))
    .optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export interface ReportPeriod extends Period {
  kind: 'week' | 'month';
}

// A plain shape check, not URL parsing: it runs per share (npm run bench) and the schema holds the rest.
const HTTPS_LINK = /^https:\/\/[^\s/?#]+(?:[/?#]\S*)?$/;
function isHttpsLink(url: string | undefined): url is string {
  return url !== undefined && url.length <= 2048 && HTTPS_LINK.test(url);
}

/** The program periods `period` touches, oldest first (a week may straddle two months). */
export function programPeriods(program: ProgressProgram, period: Period): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(program.period, period.start); p.start < period.end; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

/**
 * The shares a report for `period` is built from: its own, and with a program the whole of every
 * program period it touches (a weekly report carries the month's standing). Callers read this range.
 */
export function reportSpan(period: Period, program: ProgressProgram | undefined): { start: number; end: number } {
  if (!program) return { start: period.start, end: period.end };
  const periods = programPeriods(program, period);
  return { start: Math.min(period.start, periods[0]!.start), end: Math.max(period.end, periods.at(-1)!.end) };
}

/**
 * Builds the exact payload that would be sent for `period`. Pure. Returns null when reporting is
 * off: then there is nothing to send. `program` is the company feed's (none: no bonus status).
 */
export function buildReport(
  shares: Share[],
  settings: Settings,
  period: ReportPeriod,
  now: number,
  program?: ProgressProgram,
): Report | null {
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
  // Stryker disable next-line ArrayDeclaration: an extra first start is never reached (every share is at or after the first real one), and empty buckets are left out
  const starts: number[] = [];
  // Stryker disable next-line LogicalOperator,ConditionalExpression,StringLiteral: timed implies a time detail (this narrows its type), and starts go unused when not timed
  if (timed && f.timeDetail !== 'none') {
    // Stryker disable next-line EqualityOperator: a bucket starting at the period end never receives a share, and empty buckets are left out
    for (let p = periodContaining(f.timeDetail, period.start); p.start < period.end; p = shiftPeriod(p, 1))
      starts.push(p.start);
  }
  const buckets = starts.map(() => ({ total: 0, linkedin: 0, x: 0 }));
  const byNetwork = { linkedin: 0, x: 0 };
  const perPost = new Map<string, number>();
  const links: Share[] = [];
  let total = 0;
  let own = 0;
  let manual = 0;
  for (const s of shares) {
    if (s.at < period.start || s.at >= period.end) continue;
    total++;
    byNetwork[s.network]++;
    if (s.surface === 'manual') manual++;
    if (s.postId === null) own++;
    else {
      perPost.set(s.postId, (perPost.get(s.postId) ?? 0) + 1);
      // Only links to approved content: the employee's own posts stay their own business.
      if (f.shareLinks && isHttpsLink(s.permalink)) links.push(s);
    }
    if (timed) {
      let lo = 0;
      // Stryker disable next-line ArithmeticOperator: a bound past the end costs a step: starts[length] is undefined and compares false
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
    // Code-point order, not localeCompare: the bytes must not depend on the browser's language.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: post ids are distinct keys, never equal, and the sort only asks whether the result is negative
    const byId = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0);
    report.approvedPosts = [...perPost].sort(byId).map(([postId, count]) => ({ postId, shares: count }));
  }
  if (f.ownCount) report.ownShares = own;
  if (f.manualCount) report.manualShares = manual;
  if (timed) {
    report.timeline = starts.flatMap((start, i) => {
      const b = buckets[i]!;
      if (b.total === 0) return [];
      return [
        {
          // A week bucket of a monthly report may begin before the month: it starts at the period.
          start: localDate(Math.max(start, period.start)),
          ...(f.totalShares ? { totalShares: b.total } : {}),
          ...(f.byNetwork ? { byNetwork: { linkedin: b.linkedin, x: b.x } } : {}),
        },
      ];
    });
  }
  if (f.bonus !== 'off' && program) {
    const rules = {
      period: program.period,
      threshold: program.threshold,
      points: { linkedin: program.points.linkedin, x: program.points.x, ownContent: program.points.ownContent ?? 0 },
    };
    report.bonus = programPeriods(program, period).map((p) => {
      const standing = programStanding(shares, program, p);
      return {
        period: { kind: program.period, start: localDate(p.start), end: localDate(p.end) },
        final: now >= p.end,
        rules,
        qualified: standing.qualified,
        ...(f.bonus === 'points' ? { points: standing.points } : {}),
      };
    });
  }
  if (f.shareLinks) {
    const order = (a: Share, b: Share) =>
      a.at - b.at ||
      // Stryker disable next-line EqualityOperator,ConditionalExpression: the links of one millisecond's shares are distinct, never equal
      (a.permalink! < b.permalink! ? -1 : a.permalink! > b.permalink! ? 1 : 0);
    // Shares are read in time order (the `at` index), so usually nothing needs sorting.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting links already in order changes nothing; the check only saves the sort
    if (links.some((s, i) => i > 0 && order(links[i - 1]!, s) > 0)) links.sort(order);
    report.shareLinks = links.map((s) => ({ postId: s.postId!, network: s.network, url: s.permalink! }));
  }
  return report;
}
