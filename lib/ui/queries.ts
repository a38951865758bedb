import type { SharewiseDB } from '../db';
import type { FeedPost } from '../feed/schema';
import { localDate } from '../period';
import { sharedNetworks } from '../progress';
import type { Network } from '../shares';
import type { DailyStat } from '../stats';

/**
 * The popup's reads. None touches `shares`: they read the daily summary the background keeps
 * (lib/stats.ts), each one an indexed range or key lookup, so opening the popup costs the same with
 * 100 or 100,000 logged shares — at most one row per day, network and post.
 */

/** Summary rows from the local day of `since` on (lib/progress sinceFor): one range on `day`. */
export function statsSince(db: SharewiseDB, since: number): Promise<DailyStat[]> {
  return db.dailyStats.where('day').aboveOrEqual(localDate(since)).toArray();
}

/** "Shared ✓": per post and targeted network, whether any share of it was ever logged (one key lookup each). */
export async function sharedOf(db: SharewiseDB, posts: FeedPost[]): Promise<Map<string, Set<Network>>> {
  const found = await Promise.all(
    posts.flatMap((p) =>
      p.networks.map(async (network) =>
        (await db.dailyStats.where('[postKey+network]').equals([p.id, network]).first()) ? { postId: p.id, network } : undefined,
      ),
    ),
  );
  return sharedNetworks(found.filter((s) => s !== undefined));
}

/** Whether any share was ever logged (reads at most one summary key). */
export async function hasAnyShare(db: SharewiseDB): Promise<boolean> {
  return (await db.dailyStats.limit(1).primaryKeys()).length > 0;
}
