import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/report';
import { DEFAULT_SETTINGS, isTracking, readSettings } from '../../lib/settings';

describe('settings', () => {
  it('defaults to local logging on and reporting off with every field off', () => {
    const s = readSettings(undefined);
    expect(s.tracking.enabled).toBe(true);
    expect(s.keepText).toBe(true);
    expect(s.reporting.enabled).toBe(false);
    expect(Object.values(s.reporting.fields).filter((v) => v === true)).toEqual([]);
    expect(s.reporting.fields.identity).toBe('anonymous');
  });

  it.each([
    ['garbage', 'not settings'],
    ['a wrong type', { ...DEFAULT_SETTINGS, reporting: { ...DEFAULT_SETTINGS.reporting, enabled: 'yes' } }],
    ['a future version', { ...DEFAULT_SETTINGS, schemaVersion: 99, reporting: { enabled: true } }],
    [
      'a feed URL over plain http',
      {
        ...DEFAULT_SETTINGS,
        reporting: { ...DEFAULT_SETTINGS.reporting, enabled: true },
        feedUrl: 'http://feed.example/f.json',
      },
    ],
    ['a feed URL that is not a URL', { ...DEFAULT_SETTINGS, feedUrl: 'feed.example/f.json' }],
  ])('falls back to safe defaults (reporting off) on %s', (_, raw) => {
    expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('has exactly these defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      schemaVersion: 2,
      tracking: { enabled: true, networks: { linkedin: true, x: true }, paused: false, pausedUntil: null },
      keepText: true,
      reporting: {
        enabled: false,
        fields: {
          totalShares: false,
          byNetwork: false,
          approvedPosts: false,
          ownCount: false,
          manualCount: false,
          timeDetail: 'none',
          bonus: 'off',
          shareLinks: false,
          identity: 'anonymous',
        },
        name: '',
        email: '',
        consentedEndpoint: null,
        declinedEndpoint: null,
      },
      reminders: { enabled: false, maxPerWeek: 2, quietDays: [0, 6], startHour: 9, endHour: 18 },
      feedUrl: null,
      welcomed: false,
      installId: null,
    });
    // Stored settings missing whole sections get the same defaults for them.
    expect(readSettings({ schemaVersion: 2 })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ schemaVersion: 2, tracking: {}, reporting: { fields: {} }, reminders: {} })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  // Every value the employee can choose is kept as chosen, at both ends of each range.
  const chosen = (over: (s: typeof DEFAULT_SETTINGS) => void) => {
    const s = structuredClone(DEFAULT_SETTINGS);
    over(s);
    return s;
  };
  it.each([
    [
      'all report fields on, daily, named, points and links',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reporting = {
          ...s.reporting,
          enabled: true,
          name: 'Ann',
          email: 'ann@example.com',
          fields: {
            totalShares: true,
            byNetwork: true,
            approvedPosts: true,
            ownCount: true,
            manualCount: true,
            timeDetail: 'day',
            bonus: 'points',
            shareLinks: true,
            identity: 'named',
          },
        };
      },
    ],
    [
      'weekly detail, qualified only',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reporting.fields = { ...s.reporting.fields, timeDetail: 'week', bonus: 'qualified' };
      },
    ],
    [
      'explicit none, off and anonymous with text not kept',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reporting.fields = { ...s.reporting.fields, timeDetail: 'none', bonus: 'off', identity: 'anonymous' };
        s.keepText = false;
      },
    ],
    [
      'tracking off and paused until a time',
      (s: typeof DEFAULT_SETTINGS) => {
        s.tracking = {
          enabled: false,
          networks: { linkedin: false, x: false },
          paused: true,
          pausedUntil: 1_800_000_000_000,
        };
      },
    ],
    [
      'reminders at the low ends',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reminders = { enabled: true, maxPerWeek: 1, quietDays: [0], startHour: 0, endHour: 1 };
      },
    ],
    [
      'reminders at the high ends',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reminders = { enabled: true, maxPerWeek: 20, quietDays: [6], startHour: 23, endHour: 24 };
      },
    ],
    [
      'a name of 120 and an email of 200 characters',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reporting.name = 'n'.repeat(120);
        s.reporting.email = 'e'.repeat(200);
      },
    ],
    [
      'an install id of 8 characters, and having been welcomed',
      (s: typeof DEFAULT_SETTINGS) => {
        s.installId = 'aZ0-aZ0-';
        s.welcomed = true;
      },
    ],
    [
      'an install id of 64 characters',
      (s: typeof DEFAULT_SETTINGS) => {
        s.installId = 'a'.repeat(64);
      },
    ],
    [
      'the report endpoint agreed to and one declined, up to 2,048 characters',
      (s: typeof DEFAULT_SETTINGS) => {
        s.reporting.consentedEndpoint = 'https://reports.example/r';
        s.reporting.declinedEndpoint = `https://other.example/${'p'.repeat(2048 - 'https://other.example/'.length)}`;
      },
    ],
  ])('keeps %s', (_, over) => {
    const s = chosen(over);
    expect(readSettings(structuredClone(s))).toEqual(s);
  });

  it.each([
    ['a report detail it does not know', (s: Record<string, any>) => (s.reporting.fields.timeDetail = 'hour')],
    ['a bonus choice it does not know', (s: Record<string, any>) => (s.reporting.fields.bonus = 'all')],
    ['an identity it does not know', (s: Record<string, any>) => (s.reporting.fields.identity = 'x')],
    ['zero reminders a week', (s: Record<string, any>) => (s.reminders.maxPerWeek = 0)],
    ['21 reminders a week', (s: Record<string, any>) => (s.reminders.maxPerWeek = 21)],
    ['a weekday 7', (s: Record<string, any>) => (s.reminders.quietDays = [7])],
    ['a weekday -1', (s: Record<string, any>) => (s.reminders.quietDays = [-1])],
    ['a start hour 24', (s: Record<string, any>) => (s.reminders.startHour = 24)],
    ['a start hour -1', (s: Record<string, any>) => (s.reminders.startHour = -1)],
    ['an end hour 0', (s: Record<string, any>) => (s.reminders.endHour = 0)],
    ['an end hour 25', (s: Record<string, any>) => (s.reminders.endHour = 25)],
    ['a name of 121 characters', (s: Record<string, any>) => (s.reporting.name = 'n'.repeat(121))],
    ['an email of 201 characters', (s: Record<string, any>) => (s.reporting.email = 'e'.repeat(201))],
    [
      'an agreed report endpoint of 2,049 characters',
      (s: Record<string, any>) =>
        (s.reporting.consentedEndpoint = `https://r.example/${'p'.repeat(2049 - 'https://r.example/'.length)}`),
    ],
    [
      'a declined report endpoint of 2,049 characters',
      (s: Record<string, any>) =>
        (s.reporting.declinedEndpoint = `https://r.example/${'p'.repeat(2049 - 'https://r.example/'.length)}`),
    ],
    ['an install id of 7 characters', (s: Record<string, any>) => (s.installId = 'abcdefg')],
    ['an install id of 65 characters', (s: Record<string, any>) => (s.installId = 'a'.repeat(65))],
    ['an install id with an underscore', (s: Record<string, any>) => (s.installId = 'abcd_efgh')],
    ['an install id with a prefix', (s: Record<string, any>) => (s.installId = '<b>abcdefgh')],
    ['an install id with a suffix', (s: Record<string, any>) => (s.installId = 'abcdefgh</b>')],
    ['a feed URL whose scheme ends in https', (s: Record<string, any>) => (s.feedUrl = 'xhttps://feed.example/f.json')],
    [
      'a feed URL whose scheme starts with https',
      (s: Record<string, any>) => (s.feedUrl = 'httpsx://feed.example/f.json'),
    ],
  ])('falls back to safe defaults on %s', (_, tamper) => {
    const raw = structuredClone(DEFAULT_SETTINGS) as Record<string, any>;
    raw.reporting.enabled = true;
    tamper(raw);
    expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a stored https feed URL', () => {
    const raw = { ...DEFAULT_SETTINGS, feedUrl: 'https://feed.example/f.json' };
    expect(readSettings(raw).feedUrl).toBe('https://feed.example/f.json');
  });

  it('reads a name of only spaces as no name, so a report is never named with a blank one', () => {
    const reporting = {
      ...DEFAULT_SETTINGS.reporting,
      enabled: true,
      name: '   ',
      email: ' a@b.example ',
      fields: { ...DEFAULT_SETTINGS.reporting.fields, identity: 'named' as const },
    };
    const s = readSettings({ ...DEFAULT_SETTINGS, installId: 'install-1', reporting });
    expect(s.reporting).toMatchObject({ enabled: true, name: '', email: 'a@b.example' });
    const period = { kind: 'week' as const, start: Date.UTC(2026, 10, 16), end: Date.UTC(2026, 10, 23) };
    expect(buildReport([], s, period, period.end)?.identity).toEqual({ kind: 'anonymous', installId: 'install-1' });
  });

  it('stops tracking while paused, and resumes at the pause end', () => {
    const now = Date.UTC(2026, 10, 25);
    const paused = {
      ...DEFAULT_SETTINGS,
      tracking: { ...DEFAULT_SETTINGS.tracking, paused: true, pausedUntil: now + 1000 },
    };
    expect(isTracking(paused, 'x', now)).toBe(false);
    expect(isTracking(paused, 'x', now + 1000)).toBe(true);
    const indefinitely = { ...paused, tracking: { ...paused.tracking, pausedUntil: null } };
    expect(isTracking(indefinitely, 'linkedin', now + 10 ** 9)).toBe(false);
  });

  it('tracks nothing when tracking is off, and ignores a pause end that is not a pause', () => {
    const off = { ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_SETTINGS.tracking, enabled: false } };
    expect(isTracking(off, 'x', 0)).toBe(false);
    expect(isTracking(off, 'linkedin', 0)).toBe(false);
    const resumed = {
      ...DEFAULT_SETTINGS,
      tracking: { ...DEFAULT_SETTINGS.tracking, paused: false, pausedUntil: 10 ** 12 },
    };
    expect(isTracking(resumed, 'x', 0)).toBe(true);
  });

  it('tracks per network', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      tracking: { ...DEFAULT_SETTINGS.tracking, networks: { linkedin: false, x: true } },
    };
    expect(isTracking(s, 'linkedin', 0)).toBe(false);
    expect(isTracking(s, 'x', 0)).toBe(true);
  });
});
