import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, nextReportPeriod, programPeriods, ReportSchema, type Report } from '../../lib/report';
import type { ProgressProgram } from '../../lib/progress';
import { popupProgress } from './helpers/progress';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import type { Share } from '../../lib/shares';

const NOW_MIN = Date.UTC(2024, 0, 1);
const NOW_MAX = Date.UTC(2028, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    enabled: fc.boolean(),
    totalShares: fc.boolean(),
    byNetwork: fc.boolean(),
    approvedPosts: fc.boolean(),
    ownCount: fc.boolean(),
    manualCount: fc.boolean(),
    timeDetail: fc.constantFrom('none', 'week', 'day'),
    identity: fc.constantFrom('anonymous', 'named'),
    bonus: fc.constantFrom('off', 'qualified', 'points'),
    shareLinks: fc.boolean(),
    name: fc.constantFrom('', 'Ada Lovelace'),
    email: fc.constantFrom('', 'ada@example.com'),
    installId: fc.option(fc.uuid(), { nil: null }),
  })
  .map((r) => ({
    ...DEFAULT_SETTINGS,
    installId: r.installId,
    reporting: {
      ...DEFAULT_SETTINGS.reporting,
      enabled: r.enabled,
      name: r.name,
      email: r.email,
      fields: {
        totalShares: r.totalShares,
        byNetwork: r.byNetwork,
        approvedPosts: r.approvedPosts,
        ownCount: r.ownCount,
        manualCount: r.manualCount,
        timeDetail: r.timeDetail as Settings['reporting']['fields']['timeDetail'],
        identity: r.identity as Settings['reporting']['fields']['identity'],
        bonus: r.bonus as Settings['reporting']['fields']['bonus'],
        shareLinks: r.shareLinks,
      },
    },
  }));

/** Shares around `now` (some before and after the period), own content carrying marked text and links. */
const historyArb = (now: number): fc.Arbitrary<Share[]> =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: -45 * DAY, max: 45 * DAY }),
        network: fc.constantFrom('linkedin', 'x'),
        kind: fc.constantFrom('post', 'repost', 'quote'),
        postId: fc.option(fc.constantFrom('p-a', 'p-b', 'p-c', 'p-d'), { nil: null }),
        surface: fc.constantFrom('intent', 'composer', 'manual'),
        secret: fc.nat().map((n) => n.toString(36)),
        linked: fc.boolean(),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) => ({
        id: `s${i}`,
        at: now + r.offset,
        network: r.network as Share['network'],
        kind: r.kind as Share['kind'],
        postId: r.postId,
        surface: r.surface as Share['surface'],
        urls: [`https://own-content.example/${r.secret}`],
        text: `PRIVATE-TEXT ${r.secret}`,
        // A public link is known for some shares; own content's marks itself so a leak shows.
        ...(r.linked
          ? {
              permalink:
                r.postId === null
                  ? `https://social.example/OWN-PERMALINK-${i}`
                  : `https://social.example/approved/${i}`,
            }
          : {}),
      })),
    );

/** A feed's program, or none (then no bonus status can be reported). */
const programArb: fc.Arbitrary<ProgressProgram | undefined> = fc.option(
  fc.record({
    period: fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
    threshold: fc.integer({ min: 1, max: 40 }),
    points: fc.record({
      linkedin: fc.integer({ min: 0, max: 10 }),
      x: fc.integer({ min: 0, max: 10 }),
      ownContent: fc.integer({ min: 0, max: 3 }),
    }),
  }),
  { nil: undefined },
);

const caseArb = fc
  .record({ now: fc.integer({ min: NOW_MIN, max: NOW_MAX }), schedule: fc.constantFrom('weekly', 'monthly') })
  .chain(({ now, schedule }) =>
    fc.record({
      now: fc.constant(now),
      // Built at any time from the period's start to a month after its end (a late send).
      sentAt: fc.integer({ min: 0, max: 40 * DAY }),
      period: fc.constant(nextReportPeriod(schedule as 'weekly' | 'monthly', now)),
      settings: settingsArb,
      shares: historyArb(now),
      program: programArb,
    }),
  );

function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  return Object.values(value as object).some(hasNull);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const inPeriodOf = (shares: Share[], p: { start: number; end: number }) =>
  shares.filter((s) => s.at >= p.start && s.at < p.end);

describe('buildReport (property-based)', () => {
  it('never contains a field the settings do not allow, and its numbers add up', () => {
    fc.assert(
      fc.property(caseArb, ({ period, settings, shares, program, sentAt }) => {
        const now = period.start + sentAt;
        const report = buildReport(shares, settings, period, now, program);
        if (!settings.reporting.enabled) {
          expect(report).toBeNull();
          return;
        }
        expect(report).not.toBeNull();
        const r = report as Report;
        expect(ReportSchema.safeParse(r).success).toBe(true);
        const f = settings.reporting.fields;

        // Allowed ⇔ present. Not allowed ⇒ the key is absent, never null.
        expect('totalShares' in r).toBe(f.totalShares);
        expect('byNetwork' in r).toBe(f.byNetwork);
        expect('approvedPosts' in r).toBe(f.approvedPosts);
        expect('ownShares' in r).toBe(f.ownCount);
        expect('manualShares' in r).toBe(f.manualCount);
        expect('timeline' in r).toBe(f.timeDetail !== 'none' && (f.totalShares || f.byNetwork));
        expect('bonus' in r).toBe(f.bonus !== 'off' && program !== undefined);
        expect('shareLinks' in r).toBe(f.shareLinks);
        const named = f.identity === 'named' && settings.reporting.name !== '' && settings.reporting.email !== '';
        expect(r.identity.kind).toBe(named ? 'named' : 'anonymous');
        expect('name' in r.identity).toBe(named);
        expect('email' in r.identity).toBe(named);
        expect(hasNull(r)).toBe(false);

        // Own content's text and links are never reportable, whatever is switched on.
        const json = JSON.stringify(r);
        expect(json).not.toContain('PRIVATE-TEXT');
        expect(json).not.toContain('own-content.example');
        expect(json).not.toContain('OWN-PERMALINK');

        // The bonus status: one entry per program period touched, the popup's standing, points only if chosen.
        if (r.bonus) {
          const periods = programPeriods(program!, period);
          expect(r.bonus.map((b) => b.period.kind)).toEqual(periods.map(() => program!.period));
          r.bonus.forEach((b, i) => {
            const p = popupProgress(shares, program, periods[i]!.start);
            expect(b.qualified).toBe(p.qualified);
            expect('points' in b).toBe(f.bonus === 'points');
            if (b.points !== undefined) expect(b.points).toBe(p.points);
            expect(b.final).toBe(now >= periods[i]!.end);
            expect(Object.keys(b).sort()).toEqual(
              f.bonus === 'points'
                ? ['final', 'period', 'points', 'qualified', 'rules']
                : ['final', 'period', 'qualified', 'rules'],
            );
          });
        }
        if (r.shareLinks) {
          const linked = inPeriodOf(shares, period).filter((s) => s.postId !== null && s.permalink);
          expect(r.shareLinks.map((l) => l.url).sort()).toEqual(linked.map((s) => s.permalink).sort());
        }

        // Totals agree with each other and with the shares in the period.
        const inPeriod = inPeriodOf(shares, period);
        if (r.totalShares !== undefined) expect(r.totalShares).toBe(inPeriod.length);
        if (r.byNetwork) expect(r.byNetwork.linkedin + r.byNetwork.x).toBe(inPeriod.length);
        if (r.ownShares !== undefined && r.approvedPosts) {
          expect(r.ownShares + sum(r.approvedPosts.map((p) => p.shares))).toBe(inPeriod.length);
        }
        if (r.approvedPosts) {
          expect(r.approvedPosts.every((p) => p.shares > 0)).toBe(true);
          const ids = r.approvedPosts.map((p) => p.postId);
          expect(ids).toEqual([...ids].sort());
        }
        if (r.timeline) {
          if (r.totalShares !== undefined) expect(sum(r.timeline.map((b) => b.totalShares ?? NaN))).toBe(r.totalShares);
          if (r.byNetwork) {
            expect(sum(r.timeline.map((b) => b.byNetwork?.x ?? NaN))).toBe(r.byNetwork.x);
            expect(sum(r.timeline.map((b) => b.byNetwork?.linkedin ?? NaN))).toBe(r.byNetwork.linkedin);
          }
          const starts = r.timeline.map((b) => b.start);
          expect([...starts].sort()).toEqual(starts);
          expect(new Set(starts).size).toBe(starts.length);
          expect(starts.every((d) => d >= r.period.start && d < r.period.end)).toBe(true);
          for (const b of r.timeline) {
            expect('totalShares' in b).toBe(f.totalShares);
            expect('byNetwork' in b).toBe(f.byNetwork);
          }
        }
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('is pure: the same input gives the same bytes, and the input is not changed', () => {
    fc.assert(
      fc.property(caseArb, ({ now, period, settings, shares, program }) => {
        const before = JSON.stringify({ settings, shares });
        expect(JSON.stringify(buildReport(shares, settings, period, now, program))).toBe(
          JSON.stringify(buildReport(shares, settings, period, now, program)),
        );
        expect(JSON.stringify({ settings, shares })).toBe(before);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe('the report example in docs/privacy.md', () => {
  it('is a valid report', async () => {
    const { readFileSync } = await import('node:fs');
    const section = readFileSync('docs/privacy.md', 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    expect(ReportSchema.safeParse(JSON.parse(example!)).success).toBe(true);
  });
});
