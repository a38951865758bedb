import { sendToBackground } from '../messaging/send';
import type { SettingsPatch } from '../settings/patch';

/**
 * Sends a page's settings change to the background, the one writer of the settings. Resolves to null once
 * stored, or to why not (refused, or no answer even after resending), for the page to say so.
 */
export async function sendSettingsPatch(patch: SettingsPatch): Promise<string | null> {
  try {
    const answer = await sendToBackground('ui:patchSettings', patch);
    return 'rejected' in answer ? answer.rejected : null;
  } catch (err) {
    return err instanceof Error && err.message ? err.message : 'no answer from the background';
  }
}

/** Ends a pause of logging (the popup's Resume). */
export const resumeLogging = (): Promise<string | null> =>
  sendSettingsPatch({ tracking: { paused: false, pausedUntil: null } });
