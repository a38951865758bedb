import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/privacy';
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
    ['a feed URL over plain http', { ...DEFAULT_SETTINGS, reporting: { ...DEFAULT_SETTINGS.reporting, enabled: true }, feedUrl: 'http://feed.example/f.json' }],
    ['a feed URL that is not a URL', { ...DEFAULT_SETTINGS, feedUrl: 'feed.example/f.json' }],
  ])('falls back to safe defaults (reporting off) on %s', (_, raw) => {
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
    const paused = { ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_SETTINGS.tracking, paused: true, pausedUntil: now + 1000 } };
    expect(isTracking(paused, 'x', now)).toBe(false);
    expect(isTracking(paused, 'x', now + 1000)).toBe(true);
    const indefinitely = { ...paused, tracking: { ...paused.tracking, pausedUntil: null } };
    expect(isTracking(indefinitely, 'linkedin', now + 10 ** 9)).toBe(false);
  });

  it('tracks per network', () => {
    const s = { ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_SETTINGS.tracking, networks: { linkedin: false, x: true } } };
    expect(isTracking(s, 'linkedin', 0)).toBe(false);
    expect(isTracking(s, 'x', 0)).toBe(true);
  });
});
