import { sendToBackground } from '../messaging/send';

/**
 * Ends a pause of logging: asks the background, the one writer of the settings, to lift it. Resolves to
 * null once lifted, or to why not (refused, or no answer even after resending), for the page to say so.
 */
export async function resumeLogging(): Promise<string | null> {
  try {
    const answer = await sendToBackground('ui:patchSettings', { tracking: { paused: false, pausedUntil: null } });
    return 'rejected' in answer ? answer.rejected : null;
  } catch (err) {
    return err instanceof Error && err.message ? err.message : 'no answer from the background';
  }
}
