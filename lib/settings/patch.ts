import { z } from 'zod';
import { SettingsSchema, type Settings } from './schema';

/**
 * A field-level change to the settings, as pages send it to the background (the one writer): only the
 * fields that changed, nested as in the settings. The install id and the schema version are the
 * background's own and cannot be patched. Values are checked after merging, by the settings schema.
 */
const section = z.record(z.string(), z.unknown());
export const SettingsPatchSchema = z
  .strictObject({
    tracking: section,
    keepText: z.boolean(),
    reporting: section,
    reminders: section,
    feedUrl: z.string().max(2048).nullable(),
    welcomed: z.boolean(),
  })
  .partial();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function merge(base: Record<string, unknown>, patch: Record<string, unknown>, path: string): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in base)) throw new PatchError(`unknown setting ${at}`);
    out[key] = isPlain(base[key]) && isPlain(value) ? merge(base[key], value, at) : value;
  }
  return out;
}

class PatchError extends Error {}

/** The settings with `patch` applied field by field, or why the result is not valid settings. */
export function applyPatch(
  settings: Settings,
  patch: SettingsPatch,
): { ok: true; settings: Settings } | { ok: false; error: string } {
  let merged: Record<string, unknown>;
  try {
    merged = merge(settings, patch, '');
  } catch (err) {
    if (err instanceof PatchError) return { ok: false, error: err.message };
    throw err;
  }
  const parsed = SettingsSchema.safeParse(merged);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `invalid setting ${issue.path.join('.')}: ${issue.message}` };
}

/** The fields that differ from `before` to `after`, as a patch (objects compared field by field, lists as a whole). */
export function diffSettings(before: Settings, after: Settings): SettingsPatch {
  const diff = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(b)) {
      if (isPlain(a[key]) && isPlain(value)) {
        const inner = diff(a[key], value);
        if (Object.keys(inner).length) out[key] = inner;
      } else if (JSON.stringify(a[key]) !== JSON.stringify(value)) out[key] = value;
    }
    return out;
  };
  return diff(before, after) as SettingsPatch;
}
