import { browser } from 'wxt/browser';
import { getDb, type SharewiseDB } from '../db';
import { dedupeById, futureShare } from '../data/import';
import type { FeedPost } from '../feed/schema';
import { clearLocalStorage, loadSettings } from '../settings/store';
import { keptLinks } from '../share-match';
import { runFreshStart } from './fresh-start';
import { rotateInstallId } from './reporting';
import type { Share } from '../shares';
import { addShares, deleteShare, rewriteDetails } from '../shares-repo';
import { refreshSnapshot } from './snapshot';
import { handle } from './handle';

/**
 * "Delete everything": every table (history, summaries, intents, dedupe keys, outbox, sent log,
 * suggestions and the feed cache), every storage.local key (settings with name, email, install id and
 * feed URL; reporting, reminder and badge state) and every alarm. Then the extension starts again as
 * if just installed: a new install id, default settings, and the feed fetched again by the steps
 * registered with onFreshStart (the demo feed, or the one an admin's policy sets: policy values live
 * in managed storage, which the extension cannot delete, and apply again).
 */
export async function deleteEverything(db: SharewiseDB): Promise<void> {
  await browser.alarms?.clearAll();
  await deleteAllData(db);
  // In the settings queue: a settings change still under way cannot write the old settings back.
  await clearLocalStorage();
  // A new pseudonymous id: later reports must not be tied to the history just deleted.
  await rotateInstallId(db);
  // The feed is fetched again in the background: the employee's data is gone once this returns.
  void runFreshStart().catch((err) => console.error('[sharewise] fresh start', err));
}

/** Empties every table of the database, the feed cache included. */
export async function deleteAllData(db: SharewiseDB): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
}

/** The approved posts of the feed in use, by id: which link of a share is the approved post's. */
async function postsById(db: SharewiseDB): Promise<Map<string, FeedPost>> {
  const posts = (await db.feedCache.get('current'))?.feed?.posts ?? [];
  return new Map(posts.map((p) => [p.id, p]));
}

/** What a share keeps without post text: no text, and no link but its approved post's own. */
function withoutText(share: Share, posts: Map<string, FeedPost>): Share {
  const { text: _, ...rest } = share;
  return { ...rest, urls: keptLinks(share.urls, share.postId === null ? null : posts.get(share.postId)) };
}

/**
 * Adds the shares not already on this device (by id), in one transaction: all or nothing. While the
 * employee keeps no post text, imported shares keep none either (nor links but the approved post's).
 */
export async function importShares(
  db: SharewiseDB,
  shares: Share[],
  keepText = true,
): Promise<{ added: number; skipped: number }> {
  const posts = keepText ? new Map<string, FeedPost>() : await postsById(db);
  const unique = dedupeById(shares).shares.map((s) => (keepText ? s : withoutText(s, posts)));
  const added = await addShares(db, unique);
  return { added: added.length, skipped: shares.length - added.length };
}

/**
 * Removes the post text kept with past shares (after the employee stops keeping text), and the links
 * they wrote, but the approved post's own. Returns how many shares changed.
 */
export async function forgetTexts(db: SharewiseDB): Promise<number> {
  const posts = await postsById(db);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((u, i) => u === b[i]);
  return rewriteDetails(
    db,
    (s) => s.text !== undefined || !same(s.urls, withoutText(s, posts).urls),
    (s) => withoutText(s, posts),
  );
}

/** Handlers for the options page's "My data": validated payloads, extension pages only. */
export function setupMyData(): void {
  const db = getDb();

  handle('ui:deleteShare', async (data) => {
    const deleted = await deleteShare(db, data.id);
    await refreshSnapshot(db);
    return { ok: true, deleted };
  });

  handle('ui:deleteAllData', async () => {
    await deleteEverything(db);
    await refreshSnapshot(db);
    return { ok: true };
  });

  handle('ui:forgetTexts', async () => {
    return { ok: true, changed: await forgetTexts(db) };
  });

  handle('ui:importShares', async (data) => {
    const future = futureShare(data.shares, Date.now());
    if (future) return { rejected: `invalid message: ${future.where}: ${future.what}` };
    const result = await importShares(db, data.shares, (await loadSettings()).keepText);
    await refreshSnapshot(db);
    return { ok: true, ...result };
  });
}
