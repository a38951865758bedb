import { afterAll, describe, expect, it } from 'vitest';
import { localDate } from '../../lib/period';
import { buildReport, ReportSchema, reportSpan, type ReportPeriod } from '../../lib/report/build';
import type { ProgressProgram } from '../../lib/progress';
import { popupProgress } from './helpers/progress';
import { DEFAULT_SETTINGS, type ReportFields, type Settings } from '../../lib/settings';
import type { Share } from '../../lib/shares';

/**
 * The bonus status in a report: per program period, with the popup's own rules, across week, month
 * and quarter boundaries. Instants are built in a fixed zone (Berlin, with its DST change on 25
 * October 2026) so the calendar is the same on every test machine.
 */
const original = process.env.TZ;
// Set while the file is collected: the periods below are built then.
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  process.env.TZ = original;
});

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const monthly: ProgressProgram = { period: 'month', threshold: 20, points: { linkedin: 10, x: 5, ownContent: 1 } };

let n = 0;
function share(at: number, network: Share['network'], postId: string | null, permalink?: string): Share {
  return {
    id: `s${n++}`,
    at,
    network,
    kind: 'post',
    postId,
    surface: 'intent',
    urls: [],
    ...(permalink ? { permalink } : {}),
  };
}

function settingsWith(fields: Partial<ReportFields>): Settings {
  return {
    ...DEFAULT_SETTINGS,
    installId: 'test-install-01',
    reporting: {
      ...DEFAULT_SETTINGS.reporting,
      enabled: true,
      fields: { ...DEFAULT_SETTINGS.reporting.fields, ...fields },
    },
  };
}

const week = (y: number, m: number, d: number): ReportPeriod => ({
  kind: 'week',
  start: local(y, m, d, 0),
  end: local(y, m, d + 7, 0),
});

describe('bonus status in the report', () => {
  // Week Mon 26 Oct – Mon 2 Nov 2026 straddles October and November (and follows the DST change).
  const straddling = week(2026, 10, 26);
  const shares = [
    share(local(2026, 10, 5), 'linkedin', 'p-a'), // October, before the report week: still October's points
    share(local(2026, 10, 27), 'x', 'p-b'),
    share(local(2026, 10, 31, 23), 'x', 'p-b'), // the same post on the same network: counted once
    share(local(2026, 11, 1, 0), 'linkedin', null), // Sunday 00:00: November, still in the report week
    share(local(2026, 11, 20), 'linkedin', 'p-c'), // later in November: in November's standing so far
  ];

  it('says nothing of the bonus while the employee has not chosen to', () => {
    const r = buildReport(shares, settingsWith({ totalShares: true }), straddling, local(2026, 11, 25), monthly)!;
    expect(r).not.toHaveProperty('bonus');
  });

  it('"only whether I qualified": one yes/no per program period the report touches, with the rules, no points', () => {
    const now = local(2026, 11, 25);
    const r = buildReport(shares, settingsWith({ bonus: 'qualified' }), straddling, now, monthly)!;
    const rules = { period: 'month', threshold: 20, points: { linkedin: 10, x: 5, ownContent: 1 } };
    expect(r.bonus).toEqual([
      { period: { kind: 'month', start: '2026-10-01', end: '2026-11-01' }, final: true, rules, qualified: false },
      { period: { kind: 'month', start: '2026-11-01', end: '2026-12-01' }, final: false, rules, qualified: false },
    ]);
    // Only the field itself: no counts come along with it.
    expect(Object.keys(r).sort()).toEqual(['bonus', 'generatedAt', 'identity', 'period', 'schemaVersion']);
  });

  it('"my points": the same points the popup shows for that program period', () => {
    const now = local(2026, 11, 25);
    const r = buildReport(shares, settingsWith({ bonus: 'points' }), straddling, now, monthly)!;
    const october = popupProgress(shares, monthly, local(2026, 10, 15));
    const november = popupProgress(shares, monthly, now);
    expect(october.points).toBe(15);
    expect(november.points).toBe(11);
    expect(r.bonus!.map((b) => [b.points, b.qualified])).toEqual([
      [october.points, october.qualified],
      [november.points, november.qualified],
    ]);
  });

  it('qualifies exactly at the threshold, as the popup says "qualified"', () => {
    const more = [...shares, share(local(2026, 10, 28), 'x', 'p-d')]; // October: 10 + 5 + 5 = 20
    const r = buildReport(more, settingsWith({ bonus: 'points' }), straddling, local(2026, 11, 2, 9), monthly)!;
    expect(r.bonus![0]).toMatchObject({ points: 20, qualified: true, final: true });
    expect(popupProgress(more, monthly, local(2026, 10, 30))).toMatchObject({
      points: 20,
      remaining: 0,
      qualified: true,
    });
  });

  it('a weekly program: one period, final once the week is over', () => {
    const weekly = { ...monthly, period: 'week' as const, threshold: 6 }; // p-b on X once (5) + own content (1)
    const during = buildReport(shares, settingsWith({ bonus: 'qualified' }), straddling, local(2026, 10, 30), weekly)!;
    expect(during.bonus).toEqual([
      expect.objectContaining({
        period: { kind: 'week', start: '2026-10-26', end: '2026-11-02' },
        final: false,
        qualified: true,
      }),
    ]);
    const after = buildReport(shares, settingsWith({ bonus: 'qualified' }), straddling, straddling.end, weekly)!;
    expect(after.bonus![0]!.final).toBe(true);
  });

  it('a quarterly program: a monthly report carries the quarter so far, final only at its end', () => {
    const quarterly = { ...monthly, period: 'quarter' as const, threshold: 30 };
    const december: ReportPeriod = { kind: 'month', start: local(2026, 12, 1, 0), end: local(2027, 1, 1, 0) };
    const q = [...shares, share(local(2026, 12, 3), 'x', 'p-e')];
    const r = buildReport(q, settingsWith({ bonus: 'points' }), december, december.end, quarterly)!;
    // 1 Oct – 1 Jan: p-a 10, p-b 5, own 1, p-c 10, p-e 5.
    expect(r.bonus).toEqual([
      expect.objectContaining({
        period: { kind: 'quarter', start: '2026-10-01', end: '2027-01-01' },
        final: true,
        points: 31,
        qualified: true,
      }),
    ]);
    expect(reportSpan(december, quarterly)).toEqual({ start: local(2026, 10, 1, 0), end: local(2027, 1, 1, 0) });
  });

  it('a week across the new year touches two months of a monthly program', () => {
    const newYear = week(2026, 12, 28);
    const r = buildReport([], settingsWith({ bonus: 'qualified' }), newYear, newYear.end, monthly)!;
    expect(r.bonus!.map((b) => [b.period.start, b.period.end, b.final])).toEqual([
      ['2026-12-01', '2027-01-01', true],
      ['2027-01-01', '2027-02-01', false],
    ]);
    const span = reportSpan(newYear, monthly);
    expect([localDate(span.start), localDate(span.end)]).toEqual(['2026-12-01', '2027-02-01']);
  });

  it('no program in the feed: no bonus status, whatever was chosen', () => {
    const r = buildReport(shares, settingsWith({ bonus: 'points' }), straddling, local(2026, 11, 25), undefined)!;
    expect(r).not.toHaveProperty('bonus');
    expect(reportSpan(straddling, undefined)).toEqual({ start: straddling.start, end: straddling.end });
  });
});

describe('links to shares of approved posts', () => {
  const period = week(2026, 11, 16);
  const shares = [
    share(local(2026, 11, 18), 'x', 'p-b', 'https://x.com/ada/status/2'),
    share(local(2026, 11, 17), 'linkedin', 'p-a', 'https://www.linkedin.com/feed/update/urn:li:activity:1'),
    share(local(2026, 11, 17), 'linkedin', null, 'https://www.linkedin.com/feed/update/urn:li:activity:own'), // own content
    share(local(2026, 11, 19), 'x', 'p-c'), // no permalink known
    share(local(2026, 11, 19), 'x', 'p-c', 'javascript:alert(1)'),
    share(local(2026, 11, 30), 'x', 'p-a', 'https://x.com/ada/status/9'), // after the period
  ];

  it('lists the public links of approved shares in the period, oldest first, and nothing of own content', () => {
    const r = buildReport(shares, settingsWith({ shareLinks: true }), period, period.end)!;
    expect(r.shareLinks).toEqual([
      { postId: 'p-a', network: 'linkedin', url: 'https://www.linkedin.com/feed/update/urn:li:activity:1' },
      { postId: 'p-b', network: 'x', url: 'https://x.com/ada/status/2' },
    ]);
  });

  it('is absent unless allowed', () => {
    expect(buildReport(shares, settingsWith({ approvedPosts: true }), period, period.end)).not.toHaveProperty(
      'shareLinks',
    );
  });

  it('keeps only whole https links up to 2048 characters', () => {
    const at = local(2026, 11, 18);
    const long = (n: number) => `https://x.com/${'a'.repeat(n - 'https://x.com/'.length)}`;
    const links = [
      long(2048),
      long(2049),
      'https://x.com',
      'xhttps://x.com/p',
      'https://x.com/a b',
      'https://x.com b',
      'https:///path',
    ];
    const r = buildReport(
      links.map((url, i) => share(at + i, 'x', `p-${i}`, url)),
      settingsWith({ shareLinks: true }),
      period,
      period.end,
    )!;
    expect(r.shareLinks!.map((l) => l.url)).toEqual([long(2048), 'https://x.com']);
  });

  it('orders links by time whatever order the shares come in, and by link within the same millisecond', () => {
    const at = local(2026, 11, 18);
    const unordered = [
      share(at + 2, 'x', 'p-a', 'https://x.com/a/status/1'),
      share(at, 'x', 'p-b', 'https://x.com/b/status/9'),
      share(at, 'linkedin', 'p-c', 'https://x.com/b/status/3'),
      share(at + 1, 'x', 'p-d', 'https://x.com/z/status/5'),
    ];
    const r = buildReport(unordered, settingsWith({ shareLinks: true }), period, period.end)!;
    expect(r.shareLinks!.map((l) => l.postId)).toEqual(['p-c', 'p-b', 'p-d', 'p-a']);
    // Out of order only within one millisecond.
    const tied = buildReport(unordered.slice(1, 3), settingsWith({ shareLinks: true }), period, period.end)!;
    expect(tied.shareLinks!.map((l) => l.postId)).toEqual(['p-c', 'p-b']);
  });
});

describe('the report format', () => {
  const period = week(2026, 11, 16);
  const base = () =>
    buildReport(
      [share(local(2026, 11, 18), 'x', 'p-a', 'https://x.com/a/status/1')],
      settingsWith({ shareLinks: true }),
      period,
      period.end,
    )!;

  it('accepts only https links to shares', () => {
    expect(ReportSchema.safeParse(base()).success).toBe(true);
    for (const url of ['http://x.com/a/status/1', 'xhttps://x.com/a', 'httpsx://x.com/a']) {
      const r = base();
      r.shareLinks![0]!.url = url;
      expect(ReportSchema.safeParse(r).success, url).toBe(false);
    }
  });

  it('names an installation without an id "unassigned"', () => {
    const settings = { ...settingsWith({}), installId: null };
    expect(buildReport([], settings, period, period.end)!.identity).toEqual({
      kind: 'anonymous',
      installId: 'unassigned',
    });
  });
});
