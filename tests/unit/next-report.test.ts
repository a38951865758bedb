import { describe, expect, it } from 'vitest';
import type { SuggestionRow } from '../../lib/db';
import { nextReportPeriod, reportTarget, type Report } from '../../lib/report';
import { nextReport, payloadAtSend } from '../../lib/report/payload';
import { nextPeriodEnd } from '../../lib/report/schedule';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';

const wed = new Date(2026, 10, 25, 15).getTime();
// The week of that Wednesday, written out: a nextReportPeriod call here, while the file loads, would make
// the period mutants static (slow) in the mutation run.
const current = {
  kind: 'week' as const,
  start: new Date(2026, 10, 23).getTime(),
  end: new Date(2026, 10, 30).getTime(),
};
const week = (n: number) => ({
  kind: 'week' as const,
  start: current.start - n * 7 * 86400000,
  end: current.end - n * 7 * 86400000,
});
const report = (installId: string) => ({ identity: { kind: 'anonymous', installId } }) as unknown as Report;
const on: Settings = {
  ...DEFAULT_SETTINGS,
  installId: 'install-0001',
  reporting: {
    ...DEFAULT_SETTINGS.reporting,
    enabled: true,
    fields: { ...DEFAULT_SETTINGS.reporting.fields, totalShares: true, byNetwork: true },
  },
};
const suggestion = (status: SuggestionRow['status']): SuggestionRow => ({
  id: 1,
  at: wed,
  url: 'https://a.example/p',
  title: 'P',
  note: 'n',
  status,
});

describe('the next report, as the preview and the sender see it', () => {
  it('is the running period when nothing is queued', () => {
    expect(nextReport([], current)).toEqual({ queued: false, period: current, fields: undefined, installId: null });
  });

  it('is the oldest queued period (the sender delivers oldest first), with its fields and install id', () => {
    const fields = { ...on.reporting.fields, byNetwork: false };
    const next = nextReport(
      [
        { period: week(1), report: report('newer') },
        { period: week(2), report: report('older'), fields },
      ],
      current,
    );
    expect(next).toEqual({ queued: true, period: week(2), fields, installId: 'older' });
  });

  it('has the stricter field choice win and includes only suggestions the employee sent', () => {
    const strict = { ...on.reporting.fields, byNetwork: false };
    const built = payloadAtSend(
      [],
      on,
      strict,
      current,
      [suggestion('queued'), { ...suggestion('draft'), id: 2 }],
      wed,
    )!;
    expect(built.report).not.toHaveProperty('byNetwork');
    expect(built.payload.suggestions).toEqual([
      { url: 'https://a.example/p', title: 'P', note: 'n', suggestedAt: new Date(wed).toISOString() },
    ]);
    expect(payloadAtSend([], on, undefined, current, [suggestion('draft')], wed)!.payload).not.toHaveProperty(
      'suggestions',
    );
    expect(payloadAtSend([], DEFAULT_SETTINGS, undefined, current, [suggestion('queued')], wed)).toBeNull();
  });

  it('ends where the sender wakes for it', () => {
    expect(nextPeriodEnd('week', wed)).toBe(current.end);
    expect(nextPeriodEnd('month', wed)).toBe(nextReportPeriod('monthly', wed).end);
  });

  it('never goes to the demo feed’s endpoint, only to an administrator’s', () => {
    const demo = { reporting: { endpoint: 'https://demo.example/r', schedule: 'weekly' } } as never;
    expect(reportTarget({}, demo, 'demo')).toBeNull();
    expect(reportTarget({ reportEndpoint: 'https://admin.example/r' }, demo, 'demo')).toMatchObject({
      endpoint: 'https://admin.example/r',
      source: 'managed',
    });
    expect(reportTarget({}, demo, 'https://feeds.example/f.json')).toMatchObject({
      endpoint: 'https://demo.example/r',
      source: 'feed',
    });
  });
});
