import type { Feed, FeedPost } from './schema';

/** End of the expiry day, in the employee's own time zone: a post expiring "2026-12-31" shows all that day. */
function endOfLocalDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).getTime();
}

/** Approved posts that have not expired at `now`, newest first. */
export function activePosts(feed: Feed, now: number): FeedPost[] {
  return feed.posts
    .filter((p) => !p.expiresAt || endOfLocalDay(p.expiresAt) > now)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}
