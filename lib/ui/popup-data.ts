import type { FeedCacheRow, SharewiseDB } from '../db';
import type { FeedPost } from '../feed/schema';
import { activePosts } from '../feed/select';
import { periodContaining } from '../period';
import { sinceFor } from '../progress';
import type { Network } from '../shares';
import type { DayTotal, PeriodPost } from '../stats';
import { hasAnyShare, progressRows, sharedOf } from './queries';

/**
 * Everything the popup shows from the database, read in one go by the background, which keeps it in
 * the popup's snapshot (lib/ui/snapshot.ts buildSnapshot; lib/background/snapshot.ts).
 */
export interface PopupData {
  /** undefined: no feed stored yet (first run before the first sync). */
  row: FeedCacheRow | undefined;
  /** The feed's approved, unexpired posts at `now`, newest first. */
  posts: FeedPost[];
  /** "Shared ✓" per post id and network, for every post of the feed (expired ones too: the popup filters at opening). */
  shared: Map<string, Set<Network>>;
  /** What progress needs (lib/progress computeProgressFromDays). */
  progress: { totals: DayTotal[]; posts: PeriodPost[] };
  anyEver: boolean;
}

/**
 * The popup's reads (lib/ui/queries.ts), the feed first because the others depend on its posts and
 * program: two round trips, never the share log, so it costs the same with 100 or 100,000 shares.
 */
export async function readPopupData(db: SharewiseDB, now: number): Promise<PopupData> {
  const row = await db.feedCache.get('current');
  const program = row?.feed?.program;
  const posts = row?.feed ? activePosts(row.feed, now) : [];
  const [shared, progress, anyEver] = await Promise.all([
    sharedOf(db, row?.feed?.posts ?? []),
    progressRows(db, sinceFor(program, now), program && periodContaining(program.period, now)),
    hasAnyShare(db),
  ]);
  return { row, posts, shared, progress, anyEver };
}
