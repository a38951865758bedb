import type { SharewiseDB } from '../db';
import type { FeedPost } from '../feed/schema';
import { localDate } from '../period';
import { periodPostKeys } from '../progress';
import type { Period } from '../period';
import type { Network } from '../shares';
import type { DayTotal, PeriodPost } from '../stats';

/**
 * The popup's reads. None touches `shares`: they read the daily summary the background keeps
 * (lib/stats.ts), each one an indexed range or key lookup, so opening the popup costs the same with
 * 100 or 100,000 logged shares — at most one row per day, network and post.
 */

/**
 * What progress needs (lib/progress computeProgressFromDays): day totals from the local day of
 * `since` on (sinceFor; one range on `day`, at most 2 rows a day) and the program period's posts
 * (its week or months; equal keys on `period`, a few rows per post).
 */
export async function progressRows(
  db: SharewiseDB,
  since: number,
  programPeriod: Period | undefined,
): Promise<{ totals: DayTotal[]; posts: PeriodPost[] }> {
  const [totals, posts] = await Promise.all([
    db.dayTotals.where('day').aboveOrEqual(localDate(since)).toArray(),
    // One getAll per key (a week or month; three for a quarter) rather than anyOf's skipping cursor.
    Promise.all(
      (programPeriod ? periodPostKeys(programPeriod) : []).map((k) =>
        db.periodPosts.where('period').equals(k).toArray(),
      ),
    ),
  ]);
  return { totals, posts: posts.flat() };
}

/** "Shared ✓": per post and targeted network, whether any share of it was ever logged (one key lookup each). */
export async function sharedOf(db: SharewiseDB, posts: FeedPost[]): Promise<Map<string, Set<Network>>> {
  const shared = new Map<string, Set<Network>>();
  await Promise.all(
    posts.flatMap((p) =>
      p.networks.map(async (network) => {
        if (!(await db.dailyStats.where('[postKey+network]').equals([p.id, network]).first())) return;
        shared.set(p.id, (shared.get(p.id) ?? new Set()).add(network));
      }),
    ),
  );
  return shared;
}

/** Whether any share was ever logged (reads at most one summary key). */
export async function hasAnyShare(db: SharewiseDB): Promise<boolean> {
  return (await db.dailyStats.limit(1).primaryKeys()).length > 0;
}
