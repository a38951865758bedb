import { describe, expect, it } from 'vitest';
import { nextReportPeriod, reportTarget } from '../../lib/report';
import { localDate } from '../../lib/period';

const feed = (reporting?: { endpoint: string; schedule: 'weekly' | 'monthly' }) => ({ reporting }) as never;

describe('where and when the next report goes', () => {
  it('uses the administrator endpoint over the feed, with the feed schedule', () => {
    expect(reportTarget({ reportEndpoint: 'https://admin.example/r' }, feed({ endpoint: 'https://feed.example/r', schedule: 'monthly' })))
      .toEqual({ endpoint: 'https://admin.example/r', schedule: 'monthly', source: 'managed' });
    expect(reportTarget({}, feed({ endpoint: 'https://feed.example/r', schedule: 'weekly' })))
      .toEqual({ endpoint: 'https://feed.example/r', schedule: 'weekly', source: 'feed' });
  });

  it('reports weekly to an administrator endpoint when no feed sets a schedule', () => {
    expect(reportTarget({ reportEndpoint: 'https://admin.example/r' }, undefined))
      .toEqual({ endpoint: 'https://admin.example/r', schedule: 'weekly', source: 'managed' });
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
