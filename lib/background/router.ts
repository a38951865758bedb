import { getDb } from '../db';
import { loadSettings } from '../settings/store';
import { clearStorageProblem, noteStorageProblem } from '../storage-problem';
import { claimShare } from './claims';
import { currentPosts } from './feed';
import { getSignalHub } from './requests';
import { refreshSnapshot } from './snapshot';
import { handle } from './handle';

/** The background's door: every message is validated (payload and sender) before anything is written. */
export function setupMessageRouter(): void {
  const db = getDb();

  handle('cs:shareDetected', async (data, sender) => {
    // Combined with the tab's create request (lib/background/signals.ts). A write storage refused
    // (quota, a broken database) is noted for the popup and answered with the error, so the content
    // script sends the share again.
    return getSignalHub().page(data, sender.tab?.id);
  });

  handle('ui:claimShare', async (data) => {
    const [settings, posts] = await Promise.all([loadSettings(), currentPosts(db)]);
    try {
      const result = await claimShare(db, data, { settings, posts, now: Date.now(), newId: () => crypto.randomUUID() });
      if (result.ok) await Promise.all([clearStorageProblem(), refreshSnapshot(db)]);
      return result;
    } catch (err) {
      await noteStorageProblem(err, Date.now()).catch(() => {});
      throw err;
    }
  });

  handle('ui:recordIntent', async (data) => {
    await db.intents.add({ at: Date.now(), network: data.network, postId: data.postId });
    return { ok: true };
  });
}
