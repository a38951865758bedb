import { v1ToV2 } from './v1-to-v2';

/**
 * Settings migrations, one file per step (`v1-to-v2.ts` exports a function that turns a stored
 * version-1 object into a version-2 one). The chain is keyed by the version a step starts from.
 *
 * When the shape changes: bump SETTINGS_VERSION, add `vN-to-vN+1.ts`, register it here and add the fixture
 * tests/fixtures/settings/vN+1.json — tests/unit/settings-migrations.test.ts fails until every
 * version from 1 to the current one has a fixture and every step below the current one exists.
 */
export type SettingsMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

export const SETTINGS_MIGRATIONS: Readonly<Record<number, SettingsMigration>> = { 1: v1ToV2 };
