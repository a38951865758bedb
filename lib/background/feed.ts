import { browser } from 'wxt/browser';
import { getDb, type FeedCacheRow, type SharewiseDB } from '../db';
import { parseFeed } from '../feed/parse';
import type { FeedPost } from '../feed/schema';
import { fetchFeed, FEED_REFRESH_MINUTES, isStale, resolveFeedSource, type FetchFeedOptions } from '../feed/sync';
import { parseManaged, type ManagedConfig } from '../managed';
import { loadSettings, settingsChange } from '../settings/store';
import { onFreshStart } from './fresh-start';
import { refreshSnapshot } from './snapshot';
import { handle } from './handle';

export const FEED_ALARM = 'sharewise-feed';

/** Reads the demo feed bundled with the extension (public/demo-feed.json). */
export async function loadBundledDemoFeed(): Promise<unknown> {
  const res = await fetch(browser.runtime.getURL('/demo-feed.json'));
  return res.json();
}

/**
 * The admin's policy (managed storage), validated. Untrusted: a bad value is ignored with a logged
 * reason. Firefox throws when no policy exists for the extension and Chrome without a schema;
 * both mean "no policy".
 */
export async function readManagedConfig(): Promise<ManagedConfig> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    return {};
  }
  const { config, problems } = parseManaged(raw);
  for (const p of problems) console.warn(`[sharewise] admin policy: ${p}`);
  return config;
}

async function storeDemo(db: SharewiseDB, loadDemo: () => Promise<unknown>, now: number): Promise<void> {
  const parsed = parseFeed(await loadDemo());
  if (!parsed.ok) {
    await db.feedCache.put({
      key: 'current',
      feed: null,
      source: null,
      fetchedAt: null,
      lastAttemptAt: now,
      error: { message: parsed.errors.join('\n'), since: now },
    });
    return;
  }
  await db.feedCache.put({
    key: 'current',
    feed: parsed.feed,
    source: 'demo',
    fetchedAt: now,
    lastAttemptAt: now,
    error: null,
  });
}

/** How long a share waits for a feed sync under way when no feed is cached yet (first install). */
const FIRST_FEED_WAIT_MS = 10_000;

/**
 * Approved posts of the feed in use, for attributing shares. Right after install the first sync can
 * take seconds (Chromium answers storage.managed only once its policies are loaded); a share made
 * then waits for that sync, bounded, rather than being logged as the employee's own content.
 */
export async function currentPosts(db: SharewiseDB): Promise<FeedPost[]> {
  const cached = (await db.feedCache.get('current'))?.feed;
  if (cached) return cached.posts;
  await Promise.race([chain, new Promise((resolve) => setTimeout(resolve, FIRST_FEED_WAIT_MS))]);
  return (await db.feedCache.get('current'))?.feed?.posts ?? [];
}

export interface SyncDeps {
  managed: ManagedConfig;
  userFeedUrl: string | null;
  loadDemo: () => Promise<unknown>;
  now: number;
  fetchOptions?: Omit<FetchFeedOptions, 'knownHash'>;
}

/**
 * Brings the feed cache up to date with the configured source. The last good feed from the same
 * URL is never replaced by a failure: the failure is recorded next to it (`error`, with the time it
 * started). With no good feed from that URL yet, the cache holds no feed and the error, so the popup
 * says so instead of showing the demo company as if it were the employer.
 */
export async function syncFeed(db: SharewiseDB, deps: SyncDeps): Promise<FeedCacheRow> {
  const source = resolveFeedSource(deps.managed, deps.userFeedUrl);
  const current = await db.feedCache.get('current');
  if (source.kind === 'demo') {
    if (current?.source !== 'demo' || !current.feed) await storeDemo(db, deps.loadDemo, deps.now);
    else await db.feedCache.update('current', { lastAttemptAt: deps.now });
    return (await db.feedCache.get('current'))!;
  }
  const sameSource = current?.source === source.url && !!current.feed;
  // An ETag stored by an older version is a server-chosen token: it goes with this write.
  const { etag: _, ...kept } = current ?? ({} as Partial<FeedCacheRow>);
  const result = await fetchFeed(source.url, {
    ...deps.fetchOptions,
    knownHash: sameSource ? current?.bodyHash : undefined,
  });
  let row: FeedCacheRow;
  if (result.kind === 'updated') {
    for (const w of result.warnings) console.warn(`[sharewise] feed ${source.url}: ${w}`);
    row = {
      key: 'current',
      feed: result.feed,
      source: source.url,
      fetchedAt: deps.now,
      lastAttemptAt: deps.now,
      error: null,
      bodyHash: result.hash,
    };
  } else if (result.kind === 'not-modified' && sameSource) {
    row = { ...(kept as FeedCacheRow), fetchedAt: deps.now, lastAttemptAt: deps.now, error: null };
  } else {
    const message = result.kind === 'failed' ? result.message : 'the feed body matched a feed from another address';
    console.warn(`[sharewise] feed ${source.url}: ${message}`);
    const since = current?.source === source.url && current.error ? current.error.since : deps.now;
    row = sameSource
      ? { ...(kept as FeedCacheRow), lastAttemptAt: deps.now, error: { message, since } }
      : {
          key: 'current',
          feed: null,
          source: source.url,
          fetchedAt: null,
          lastAttemptAt: deps.now,
          error: { message, since },
        };
  }
  await db.feedCache.put(row);
  return row;
}

let chain: Promise<unknown> = Promise.resolve();
/** One sync at a time: two alarms or a popup opening during a fetch must not race on the cache. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = chain.then(job, job);
  chain = next.catch(() => {});
  return next;
}

export function setupFeed(loadDemo: () => Promise<unknown> = loadBundledDemoFeed): void {
  const db = getDb();
  // Whatever the sync stored (a feed, an error next to the last good one), the popup's snapshot follows.
  const sync = () =>
    serial(async () =>
      syncFeed(db, {
        managed: await readManagedConfig(),
        userFeedUrl: (await loadSettings()).feedUrl,
        loadDemo,
        now: Date.now(),
      }).finally(() => refreshSnapshot(db)),
    );
  // Returns the promise so callers (and tests) can wait; browser events ignore it.
  const run = () =>
    sync().then(
      () => undefined,
      (err) => console.error('[sharewise] feed', err),
    );
  const schedule = () => {
    // Re-creating with the same name replaces it; the period survives service-worker restarts.
    void browser.alarms?.create(FEED_ALARM, {
      periodInMinutes: FEED_REFRESH_MINUTES,
      delayInMinutes: FEED_REFRESH_MINUTES,
    });
  };

  browser.runtime.onInstalled.addListener(() => {
    schedule();
    return run();
  });
  browser.runtime.onStartup.addListener(() => {
    schedule();
    return run();
  });
  // After "Delete everything": as on install, the feed again (demo or policy) and its alarm.
  onFreshStart(() => {
    schedule();
    return run();
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void run();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    // A new policy, or the employee changed their own feed URL: fetch the (possibly) new source now.
    if (area === 'managed') void run();
    const change = settingsChange(changes, area);
    if (change && change.before.feedUrl !== change.after.feedUrl) void run();
  });

  handle('ui:feedMaybeRefresh', async (data) => {
    const row = await db.feedCache.get('current');
    if (!data.force && row && !isStale(row.lastAttemptAt, Date.now())) return { refreshed: false };
    await sync();
    return { refreshed: true };
  });
}
