import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { onMessage } from '../messaging/protocol';
import {
  DetectedShareSchema,
  isContentSenderFor,
  isExtensionPageSender,
  RecordIntentSchema,
  validate,
} from '../messaging/validate';
import { loadSettings } from '../settings/store';
import { clearStorageProblem, noteStorageProblem } from '../storage-problem';
import { currentPosts } from './feed';
import { logDetectedShare } from './share-log';
import { refreshSnapshot } from './snapshot';

/** The background's door: every message is validated (payload and sender) before anything is written. */
export function setupMessageRouter(): void {
  const db = getDb();
  const extensionOrigin = browser.runtime.getURL('/');

  onMessage('cs:shareDetected', async ({ data, sender }) => {
    const msg = validate(DetectedShareSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isContentSenderFor(msg.data.network, sender, browser.runtime.id)) {
      return { rejected: 'sender is not a content script on that network' };
    }
    const [settings, posts] = await Promise.all([loadSettings(), currentPosts(db)]);
    try {
      const result = await logDetectedShare(db, msg.data, { settings, posts, now: Date.now(), newId: () => crypto.randomUUID() });
      if (result.logged) await Promise.all([clearStorageProblem(), refreshSnapshot(db)]);
      return result;
    } catch (err) {
      // Storage refused the write (quota, a broken database): tell the employee through the popup, and
      // answer with the error so the content script sends the share again.
      await noteStorageProblem(err, Date.now()).catch(() => {});
      throw err;
    }
  });

  onMessage('ui:recordIntent', async ({ data, sender }) => {
    const msg = validate(RecordIntentSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    await db.intents.add({ at: Date.now(), network: msg.data.network, postId: msg.data.postId });
    return { ok: true };
  });
}
