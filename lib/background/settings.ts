import { applyPatch, type SettingsPatch } from '../settings/patch';
import { updateSettings } from '../settings/store';

/** Applies a page's field-level patch to the stored settings; an invalid patch changes nothing. */
export async function patchSettings(patch: SettingsPatch): Promise<{ ok: true } | { rejected: string }> {
  let error: string | null = null;
  await updateSettings((current) => {
    const result = applyPatch(current, patch);
    if (result.ok) return result.settings;
    error = result.error;
    return null;
  });
  return error ? { rejected: error } : { ok: true };
}
