import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, readSettings, SETTINGS_VERSION, SettingsSchema } from '../../lib/settings';
import { SETTINGS_MIGRATIONS } from '../../lib/settings/migrations';

const fixture = (v: number) => `tests/fixtures/settings/v${v}.json`;
const load = (v: number): unknown => JSON.parse(readFileSync(fixture(v), 'utf8'));

describe('settings migrations', () => {
  it('has a stored fixture for every version ever shipped and a step from each older one', () => {
    // Fails (rather than passing vacuously) when a version is added without its fixture or step.
    for (let v = 1; v <= SETTINGS_VERSION; v++) expect(existsSync(fixture(v)), fixture(v)).toBe(true);
    for (let v = 1; v < SETTINGS_VERSION; v++)
      expect(SETTINGS_MIGRATIONS[v], `migration v${v}-to-v${v + 1}`).toBeTypeOf('function');
    expect(
      Object.keys(SETTINGS_MIGRATIONS)
        .map(Number)
        .every((v) => v >= 1 && v < SETTINGS_VERSION),
    ).toBe(true);
  });

  it.each(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1))(
    'reads the stored version %i fixture into a valid current settings object, keeping the choices',
    (v) => {
      const s = readSettings(load(v));
      expect(SettingsSchema.parse(s)).toEqual(s);
      expect(s).not.toEqual(DEFAULT_SETTINGS);
      expect(s.schemaVersion).toBe(SETTINGS_VERSION);
      // Choices every version has had must survive the chain.
      expect(s.reporting.enabled).toBe(true);
      expect(s.reporting.fields).toMatchObject({
        totalShares: true,
        byNetwork: false,
        approvedPosts: true,
        identity: 'named',
      });
      expect(s.tracking.networks).toEqual({ linkedin: false, x: true });
      expect(s.installId).toBe('0b6f3c2e-5d1a-4c8e-9f00-123456789abc');
    },
  );

  it('version 2: the bonus status and share links start off for everyone coming from version 1', () => {
    const v1 = load(1) as { reporting: { fields: Record<string, unknown> } };
    expect(v1.reporting.fields).not.toHaveProperty('bonus');
    const s = readSettings(v1);
    expect(s.reporting.fields).toMatchObject({
      bonus: 'off',
      shareLinks: false,
      totalShares: true,
      timeDetail: 'week',
    });
    // Someone whose version 1 settings allowed everything still has to choose the new fields.
    const all = {
      ...v1,
      reporting: {
        ...v1.reporting,
        fields: {
          totalShares: true,
          byNetwork: true,
          approvedPosts: true,
          ownCount: true,
          timeDetail: 'day',
          identity: 'named',
        },
      },
    };
    expect(readSettings(all).reporting.fields).toMatchObject({ bonus: 'off', shareLinks: false, byNetwork: true });
    expect(readSettings(load(2)).reporting.fields).toMatchObject({ bonus: 'qualified', shareLinks: true });
  });

  it('runs each step in order and stamps the version it produced', () => {
    const steps = {
      1: (raw: Record<string, unknown>) => ({ ...raw, a: 1 }),
      2: (raw: Record<string, unknown>) => ({ ...raw, b: (raw.a as number) + 1 }),
    };
    expect(migrateSettings({ schemaVersion: 1 }, 3, steps)).toEqual({
      ok: true,
      from: 1,
      value: { schemaVersion: 3, a: 1, b: 2 },
    });
    expect(migrateSettings({ schemaVersion: 2, a: 5 }, 3, steps)).toEqual({
      ok: true,
      from: 2,
      value: { schemaVersion: 3, a: 5, b: 6 },
    });
  });

  it.each([
    ['a newer version', { schemaVersion: 2 }, 'newer'],
    ['no version', { reporting: { enabled: true } }, 'no-version'],
    ['a non-integer version', { schemaVersion: 1.5 }, 'no-version'],
    ['not an object', [1, 2], 'not-an-object'],
  ])('refuses %s', (_, raw, reason) => {
    expect(migrateSettings(raw, 1, {})).toMatchObject({ ok: false, reason });
  });

  it('refuses a chain with a gap or a failing step', () => {
    expect(migrateSettings({ schemaVersion: 1 }, 3, { 2: (r) => r })).toMatchObject({
      ok: false,
      reason: 'missing-step',
    });
    const boom = () => {
      throw new Error('bad');
    };
    expect(migrateSettings({ schemaVersion: 1 }, 2, { 1: boom })).toMatchObject({ ok: false, reason: 'step-failed' });
  });

  it.each([
    [
      'an unknown future version',
      { ...DEFAULT_SETTINGS, schemaVersion: SETTINGS_VERSION + 1, reporting: { enabled: true } },
    ],
    [
      'a far-future version with reporting on',
      { schemaVersion: 1000, reporting: { enabled: true, fields: { totalShares: true } } },
    ],
    ['an unversioned object', { reporting: { enabled: true } }],
  ])('falls back to safe defaults (reporting off) on %s', (_, raw) => {
    const s = readSettings(raw);
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.reporting.enabled).toBe(false);
  });
});
