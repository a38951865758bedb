import { describe, expect, it } from 'vitest';
import { nextReportPeriod, reportProgram, reportTarget } from '../../lib/report';
import { localDate } from '../../lib/period';

const feed = (reporting?: { endpoint: string; schedule: 'weekly' | 'monthly' }) => ({ reporting }) as never;

describe('which bonus program a report applies', () => {
  const program = { period: 'month', threshold: 100, points: { linkedin: 10, x: 5 } } as const;
  const row = (source: string, feed: unknown) => ({ source, feed }) as never;

  it("applies the company feed's program", () => {
    expect(reportProgram(row('https://acme.example/feed.json', { program }))).toEqual(program);
  });

  it("never applies the demo feed's program: the demo company runs no bonus for this employee", () => {
    expect(reportProgram(row('demo', { program }))).toBeUndefined();
  });

  it('applies none without a stored feed, with a feed that failed to load, or with a feed without a program', () => {
    expect(reportProgram(undefined)).toBeUndefined();
    expect(reportProgram(row('https://acme.example/feed.json', null))).toBeUndefined();
    expect(reportProgram(row('https://acme.example/feed.json', {}))).toBeUndefined();
  });
});

describe('where and when the next report goes', () => {
  it('uses the administrator endpoint over the feed, with the feed schedule', () => {
    expect(
      reportTarget(
        { reportEndpoint: 'https://admin.example/r' },
        feed({ endpoint: 'https://feed.example/r', schedule: 'monthly' }),
      ),
    ).toEqual({ endpoint: 'https://admin.example/r', schedule: 'monthly', source: 'managed' });
    expect(reportTarget({}, feed({ endpoint: 'https://feed.example/r', schedule: 'weekly' }))).toEqual({
      endpoint: 'https://feed.example/r',
      schedule: 'weekly',
      source: 'feed',
    });
  });

  it('reports weekly to an administrator endpoint when no feed sets a schedule', () => {
    expect(reportTarget({ reportEndpoint: 'https://admin.example/r' }, undefined)).toEqual({
      endpoint: 'https://admin.example/r',
      schedule: 'weekly',
      source: 'managed',
    });
  });

  it('has no target when nobody configured an endpoint', () => {
    expect(reportTarget({ companyName: 'Acme' }, feed())).toBeNull();
    expect(reportTarget({}, undefined)).toBeNull();
  });

  it('covers the current local week (from Monday) or month', () => {
    const wed = new Date(2026, 10, 25, 15).getTime();
    const week = nextReportPeriod('weekly', wed);
    expect([week.kind, localDate(week.start), localDate(week.end)]).toEqual(['week', '2026-11-23', '2026-11-30']);
    const month = nextReportPeriod('monthly', wed);
    expect([month.kind, localDate(month.start), localDate(month.end)]).toEqual(['month', '2026-11-01', '2026-12-01']);
  });
});
