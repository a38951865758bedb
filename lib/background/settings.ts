import { applyPatch, type SettingsPatch } from '../settings/patch';
import { updateSettings } from '../settings/store';

/**
 * Applies a page's field-level patch to the stored settings; an invalid patch changes nothing. A write
 * the browser refuses (storage full or failing) is answered with its reason at once: thrown, the page's
 * sender would take it for a stopped background and send it again for seconds.
 */
export async function patchSettings(patch: SettingsPatch): Promise<{ ok: true } | { rejected: string }> {
  let error: string | null = null;
  try {
    await updateSettings((current) => {
      const result = applyPatch(current, patch);
      if (result.ok) return result.settings;
      error = result.error;
      return null;
    });
  } catch (err) {
    return { rejected: `settings not stored: ${err instanceof Error ? err.message : String(err)}` };
  }
  return error ? { rejected: error } : { ok: true };
}
