import { describe, expect, it } from 'vitest';
import {
  loadReports,
  participation,
  participationByPeriod,
  participationCsv,
  periodStartOf,
} from '../../lib/company/participation';

const rules = { period: 'month' as const, threshold: 100, points: { linkedin: 10, x: 5, ownContent: 2 } };
const anon = (installId: string) => ({ kind: 'anonymous', installId });
const ada = { kind: 'named', installId: 'ada-install-1', name: 'Ada Lovelace', email: 'ada@acme.example' };

function report(
  identity: object,
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
  generatedAt = `${end}T08:00:00.000Z`,
) {
  return { schemaVersion: 1, identity, period: { kind: 'week', start, end }, generatedAt, ...extra };
}
const line = (
  r: ReturnType<typeof report>,
  key = `${(r.identity as { installId: string }).installId}:week:${r.period.start}`,
) => JSON.stringify({ key, receivedAt: r.generatedAt, report: r });
const bonus = (start: string, end: string, qualified: boolean, final: boolean, points?: number) => ({
  period: { kind: 'month', start, end },
  final,
  rules,
  qualified,
  ...(points !== undefined ? { points } : {}),
});

describe('loading receiver files', () => {
  it('reads NDJSON lines and JSON arrays, validates each report and keeps one per key', () => {
    const a = report(anon('anon-0001'), '2026-11-16', '2026-11-23', { totalShares: 3 });
    const ndjson = [line(a), line(a), '{"key":"x","report":{"schemaVersion":1}}', '{oops'].join('\n');
    const json = JSON.stringify([report(ada, '2026-11-16', '2026-11-23', { totalShares: 1 }), a]);
    const r = loadReports([
      { name: 'reports.ndjson', text: ndjson },
      { name: 'old.json', text: json },
    ]);
    expect(r.reports.map((s) => s.key)).toEqual(['anon-0001:week:2026-11-16', 'ada-install-1:week:2026-11-16']);
    // The second line (a retry stored twice) and the bare copy in the JSON file (same key) are dropped.
    expect(r.duplicates).toBe(2);
    expect(r.problems).toEqual([
      'reports.ndjson line 3: identity: Invalid input: expected object, received undefined',
      'reports.ndjson line 3: period: Invalid input: expected object, received undefined',
      'reports.ndjson line 3: generatedAt: Invalid input: expected string, received undefined',
      'reports.ndjson line 4: not valid JSON',
    ]);
  });

  it('reads a single pretty-printed report, and says when a file is not JSON at all', () => {
    const one = JSON.stringify(report(anon('anon-0001'), '2026-11-16', '2026-11-23'), null, 2);
    expect(loadReports([{ name: 'one.json', text: one }]).reports).toHaveLength(1);
    expect(loadReports([{ name: 'bad.json', text: '[1, 2' }]).problems[0]).toMatch(/^bad\.json: not valid JSON/);
  });
});

describe('participation per person and program period', () => {
  it('sums what was allowed, leaves blank what was not, and takes the final bonus word', () => {
    const reports = loadReports([
      {
        name: 'r.ndjson',
        text: [
          // Anonymous employee: counts only, no bonus.
          line(
            report(anon('anon-0001'), '2026-11-16', '2026-11-23', { totalShares: 3, byNetwork: { linkedin: 2, x: 1 } }),
          ),
          line(
            report(anon('anon-0001'), '2026-11-23', '2026-11-30', { totalShares: 1, byNetwork: { linkedin: 0, x: 1 } }),
          ),
          // Ada: only whether she qualified. November "so far" in one report, final in the next.
          line(report(ada, '2026-11-23', '2026-11-30', { bonus: [bonus('2026-11-01', '2026-12-01', false, false)] })),
          line(
            report(ada, '2026-11-30', '2026-12-07', {
              bonus: [bonus('2026-11-01', '2026-12-01', true, true), bonus('2026-12-01', '2027-01-01', false, false)],
            }),
          ),
          // Grace: her points.
          line(
            report(anon('grace-001'), '2026-11-23', '2026-11-30', {
              totalShares: 12,
              bonus: [bonus('2026-11-01', '2026-12-01', true, false, 120)],
            }),
          ),
        ].join('\n'),
      },
    ]).reports;
    const rows = participation(reports);
    const view = rows.map((r) => [
      r.person.name ?? r.person.id,
      r.period,
      r.shares,
      r.linkedin,
      r.x,
      r.points,
      r.qualified,
      r.final,
    ]);
    expect(view).toEqual([
      ['Ada Lovelace', '2026-11-01', null, null, null, null, true, true],
      ['install:anon-0001', '2026-11-01', 4, 2, 2, null, null, null],
      ['install:grace-001', '2026-11-01', 12, null, null, 120, true, false],
      ['Ada Lovelace', '2026-12-01', null, null, null, null, false, false],
    ]);
    expect(participationByPeriod(rows)).toEqual([
      { period: '2026-11-01', sharing: 3, qualified: 2 },
      { period: '2026-12-01', sharing: 0, qualified: 0 },
    ]);
    const csv = participationCsv(rows).split('\r\n');
    expect(csv[0]).toBe('person,email,period,shares,linkedin,x,points,threshold,qualified,final');
    expect(csv[1]).toBe('Ada Lovelace,ada@acme.example,2026-11-01,,,,,,yes,yes');
    expect(csv[2]).toBe('anon-0001,,2026-11-01,4,2,2,,,,');
    expect(csv[3]).toBe('grace-001,,2026-11-01,12,,,120,100,yes,no');
  });

  it('does not show a partial sum when the employee allowed a count for only some weeks', () => {
    const reports = loadReports([
      {
        name: 'r.ndjson',
        text: [
          line(report(anon('anon-0001'), '2026-11-02', '2026-11-09', { totalShares: 3 })),
          line(report(anon('anon-0001'), '2026-11-09', '2026-11-16')),
        ].join('\n'),
      },
    ]).reports;
    expect(participation(reports)[0]!.shares).toBeNull();
  });

  it('a spreadsheet formula in a name is not run', () => {
    const reports = loadReports([
      { name: 'r', text: line(report({ ...ada, name: '=HYPERLINK("x")' }, '2026-11-16', '2026-11-23')) },
    ]).reports;
    expect(participationCsv(participation(reports)).split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)"/);
  });
});

describe('program periods from dates', () => {
  it.each([
    ['week', '2026-11-29', '2026-11-23'],
    ['week', '2026-03-30', '2026-03-30'],
    ['week', '2027-01-01', '2026-12-28'],
    ['month', '2026-11-29', '2026-11-01'],
    ['quarter', '2026-11-29', '2026-10-01'],
    ['quarter', '2026-03-31', '2026-01-01'],
  ] as const)('%s of %s starts %s', (kind, date, start) => {
    expect(periodStartOf(kind, date)).toBe(start);
  });
});
