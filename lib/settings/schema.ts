import { z } from 'zod';
import { migrateSettings } from './migrate';

export const SETTINGS_VERSION = 2;

/** What the employee allows into a report. Everything is off until they turn it on. */
export const ReportFieldsSchema = z.object({
  totalShares: z.boolean().default(false),
  byNetwork: z.boolean().default(false),
  approvedPosts: z.boolean().default(false),
  ownCount: z.boolean().default(false),
  /** How many shares the employee claimed themselves (surface 'manual'), as a separate count. */
  manualCount: z.boolean().default(false),
  timeDetail: z.enum(['none', 'week', 'day']).default('none'),
  /** Bonus status per program period: nothing, only whether they qualified, or their points too. */
  bonus: z.enum(['off', 'qualified', 'points']).default('off'),
  /** Public links to their shares of approved posts in the period. */
  shareLinks: z.boolean().default(false),
  identity: z.enum(['anonymous', 'named']).default('anonymous'),
});

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  /** Local logging of shares on this device. */
  tracking: z
    .object({
      enabled: z.boolean().default(true),
      networks: z.object({ linkedin: z.boolean().default(true), x: z.boolean().default(true) }).prefault({}),
      /** Paused: no logging until this time (epoch ms), or until resumed when `pausedUntil` is null. */
      paused: z.boolean().default(false),
      pausedUntil: z.number().int().nullable().default(null),
    })
    .prefault({}),
  keepText: z.boolean().default(true),
  reporting: z
    .object({
      enabled: z.boolean().default(false),
      fields: ReportFieldsSchema.prefault({}),
      name: z.string().trim().max(120).default(''),
      email: z.string().trim().max(200).default(''),
      /**
       * The report endpoint the employee agreed to, shown by its host when they did; null: none yet.
       * Reports go only there: another endpoint (feed or policy) pauses reporting until they agree.
       */
      consentedEndpoint: z.string().max(2048).nullable().default(null),
      /** A new endpoint the employee chose to keep reports paused for: the popup stops asking about it. */
      declinedEndpoint: z.string().max(2048).nullable().default(null),
    })
    .prefault({}),
  reminders: z
    .object({
      enabled: z.boolean().default(false),
      maxPerWeek: z.number().int().min(1).max(20).default(2),
      /** Quiet on these weekdays (0 = Sunday) and outside [startHour, endHour). */
      quietDays: z.array(z.number().int().min(0).max(6)).default([0, 6]),
      startHour: z.number().int().min(0).max(23).default(9),
      endHour: z.number().int().min(1).max(24).default(18),
    })
    .prefault({}),
  /** The employee's own feed URL; a managed (admin) one takes precedence. */
  feedUrl: z
    .url({ protocol: /^https$/ })
    .nullable()
    .default(null),
  welcomed: z.boolean().default(false),
  /** Random id of this installation: the anonymous identity in reports, and part of their idempotency key. */
  installId: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .nullable()
    .default(null),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type ReportFields = z.infer<typeof ReportFieldsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({ schemaVersion: SETTINGS_VERSION });

/**
 * Reads settings from storage. Anything unreadable or tampered with falls back to the safe
 * defaults (local logging on, reporting off) rather than guessing what the employee meant.
 */
export function readSettings(raw: unknown): Settings {
  // Older stored versions are migrated step by step first (lib/settings/migrations/).
  // Stryker disable next-line ObjectLiteral: with nothing stored, an object without a version falls back to the same defaults
  const migrated = migrateSettings(raw ?? { schemaVersion: SETTINGS_VERSION }, SETTINGS_VERSION);
  // Stryker disable next-line ConditionalExpression: a failed migration has no value, which the schema refuses too
  if (!migrated.ok) return structuredClone(DEFAULT_SETTINGS);
  const parsed = SettingsSchema.safeParse(migrated.value);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}

/** Whether a share on `network` may be logged right now. */
export function isTracking(settings: Settings, network: 'linkedin' | 'x', now: number): boolean {
  const t = settings.tracking;
  if (!t.enabled || !t.networks[network]) return false;
  if (t.paused && (t.pausedUntil === null || now < t.pausedUntil)) return false;
  return true;
}
