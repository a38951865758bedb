import { getDb } from '../db';
import { claimShare } from './claims';
import { handle } from './handle';
import { writeToLog } from './log-write';
import { getSignalHub } from './requests';
import { patchSettings } from './settings';

/** The background's door: every message is validated (payload and sender) before anything is written. */
export function setupMessageRouter(): void {
  const db = getDb();

  handle('cs:shareDetected', async (data, sender) => {
    // Combined with the tab's create request (lib/background/signals.ts). A write storage refused
    // (quota, a broken database) is noted for the popup and answered with the error, so the content
    // script sends the share again.
    return getSignalHub().page(data, sender.tab?.id);
  });

  handle('ui:claimShare', (data) =>
    writeToLog(
      db,
      (ctx) => claimShare(db, data, ctx),
      (result) => result.ok,
    ),
  );

  // The background is the one writer of the settings: pages send the fields they change.
  handle('ui:patchSettings', (data) => patchSettings(data));

  handle('ui:recordIntent', async (data) => {
    await db.intents.add({ at: Date.now(), network: data.network, postId: data.postId });
    return { ok: true };
  });
}
