import { browser } from 'wxt/browser';
import { getDb, type SharewiseDB } from '../db';
import { parseFeed } from '../feed/parse';
import type { FeedPost } from '../feed/schema';

/** Reads the demo feed bundled with the extension (public/demo-feed.json). */
export async function loadBundledDemoFeed(): Promise<unknown> {
  const res = await fetch(browser.runtime.getURL('/demo-feed.json'));
  return res.json();
}

/**
 * Makes sure there is a feed to show: with no good feed cached yet, the built-in demo is used.
 * A cached feed is never replaced here.
 */
export async function ensureFeed(db: SharewiseDB, loadDemo: () => Promise<unknown>, now: number): Promise<void> {
  const current = await db.feedCache.get('current');
  if (current?.feed) return;
  const parsed = parseFeed(await loadDemo());
  if (!parsed.ok) {
    await db.feedCache.put({
      key: 'current',
      feed: null,
      source: null,
      fetchedAt: null,
      error: { message: parsed.errors.join('\n'), since: now },
    });
    return;
  }
  await db.feedCache.put({ key: 'current', feed: parsed.feed, source: 'demo', fetchedAt: now, error: null });
}

/** Approved posts of the feed in use, for attributing shares. */
export async function currentPosts(db: SharewiseDB): Promise<FeedPost[]> {
  return (await db.feedCache.get('current'))?.feed?.posts ?? [];
}

export function setupFeed(loadDemo: () => Promise<unknown> = loadBundledDemoFeed): void {
  const db = getDb();
  const run = () => ensureFeed(db, loadDemo, Date.now()).catch((err) => console.error('[sharewise] feed', err));
  browser.runtime.onInstalled.addListener(run);
  browser.runtime.onStartup.addListener(run);
}
