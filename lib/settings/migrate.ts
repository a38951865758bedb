import { SETTINGS_MIGRATIONS, type SettingsMigration } from './migrations';

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; from: number }
  | { ok: false; reason: 'not-an-object' | 'no-version' | 'newer' | 'missing-step' | 'step-failed'; from?: number };

/**
 * Brings a stored settings object up to `target` by running each step in order. It never guesses:
 * an object from a newer version (written by a newer build, or tampered with), one without a
 * version, or one whose chain has a gap is refused, and the caller falls back to safe defaults.
 */
export function migrateSettings(
  raw: unknown,
  target: number,
  migrations: Readonly<Record<number, SettingsMigration>> = SETTINGS_MIGRATIONS,
): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not-an-object' };
  const from = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: 'no-version' };
  if (from > target) return { ok: false, reason: 'newer', from };
  let value = raw as Record<string, unknown>;
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'missing-step', from };
    try {
      value = { ...step(structuredClone(value)), schemaVersion: v + 1 };
    } catch {
      return { ok: false, reason: 'step-failed', from };
    }
  }
  return { ok: true, value, from };
}
