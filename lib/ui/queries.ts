import type { SharewiseDB } from '../db';
import type { FeedPost } from '../feed/schema';
import { sharedNetworks } from '../progress';
import type { Network, Share } from '../shares';

/**
 * The popup's reads. Each one is an indexed range or key lookup, so opening the popup costs the same
 * with 100 or 100,000 logged shares (no scan of the whole log).
 */

/** Shares at or after `since` (lib/progress sinceFor): one range on the `at` index. */
export function sharesSince(db: SharewiseDB, since: number): Promise<Share[]> {
  return db.shares.where('at').aboveOrEqual(since).toArray();
}

/**
 * "Shared ✓": per post and targeted network, the first logged share of it (postId index; the cursor
 * stops at the first match), so a post shared thousands of times costs no more than one shared once.
 */
export async function sharedOf(db: SharewiseDB, posts: FeedPost[]): Promise<Map<string, Set<Network>>> {
  const found = await Promise.all(
    posts.flatMap((p) =>
      p.networks.map((network) => db.shares.where('postId').equals(p.id).filter((s) => s.network === network).first()),
    ),
  );
  return sharedNetworks(found.filter((s) => s !== undefined));
}

/** Whether any share was ever logged (reads at most one key). */
export async function hasAnyShare(db: SharewiseDB): Promise<boolean> {
  return (await db.shares.limit(1).primaryKeys()).length > 0;
}
