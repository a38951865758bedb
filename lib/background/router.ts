import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { onMessage } from '../messaging/protocol';
import {
  ClaimShareSchema,
  DetectedShareSchema,
  isContentSenderFor,
  isExtensionPageSender,
  RecordIntentSchema,
  validate,
} from '../messaging/validate';
import { loadSettings } from '../settings/store';
import { clearStorageProblem, noteStorageProblem } from '../storage-problem';
import { claimShare } from './claims';
import { currentPosts } from './feed';
import { getSignalHub } from './requests';
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
    // Combined with the tab's create request (lib/background/signals.ts). A write storage refused
    // (quota, a broken database) is noted for the popup and answered with the error, so the content
    // script sends the share again.
    return getSignalHub().page(msg.data, sender.tab?.id);
  });

  onMessage('ui:claimShare', async ({ data, sender }) => {
    const msg = validate(ClaimShareSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    const [settings, posts] = await Promise.all([loadSettings(), currentPosts(db)]);
    try {
      const result = await claimShare(db, msg.data, { settings, posts, now: Date.now(), newId: () => crypto.randomUUID() });
      if (result.ok) await Promise.all([clearStorageProblem(), refreshSnapshot(db)]);
      return result;
    } catch (err) {
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
