import type { SharewiseDB } from '../db';
import { loadSettings } from '../settings/store';
import { clearStorageProblem, noteStorageProblem } from '../storage-problem';
import { currentPosts } from './feed';
import type { ShareLogContext } from './share-log';
import { refreshSnapshot } from './snapshot';

/**
 * One write to the share log (a detected share, a claim) with the settings and posts read fresh.
 * When `stored` says it logged, a noted storage problem clears and the popup's snapshot renews (the
 * popup draws from it, lib/background/snapshot.ts); a write storage refused is noted for the popup
 * and thrown again, so the sender hears of it.
 */
export async function writeToLog<T>(
  db: SharewiseDB,
  write: (ctx: ShareLogContext) => Promise<T>,
  stored: (result: T) => boolean,
): Promise<T> {
  const [settings, posts] = await Promise.all([loadSettings(), currentPosts(db)]);
  try {
    const result = await write({ settings, posts, now: Date.now(), newId: () => crypto.randomUUID() });
    if (stored(result)) await Promise.all([clearStorageProblem(), refreshSnapshot(db)]);
    return result;
  } catch (err) {
    await noteStorageProblem(err, Date.now()).catch(() => {});
    throw err;
  }
}
