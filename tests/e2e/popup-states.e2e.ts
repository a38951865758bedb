import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { waitUntil, type TestPage } from './harness/page';
import { BROWSERS, useBrowser } from './helpers';
import { PopupPage } from './pages/popup';

/**
 * The popup's states other than the happy path. The test changes the feed cache directly (raw
 * IndexedDB from an extension page, as a sync would leave it) and then opens the popup: every open
 * has the background check the popup's snapshot, which then shows the change. Settings go into
 * browser.storage.local, whose changes the background passes on to the open popup.
 */

/** Changes the cached feed row in place (a self-contained function: it runs in the page). */
const EDIT_FEED_ROW = async (change: { error?: { message: string; since: number }; emptyPosts?: boolean }) =>
  new Promise<void>((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('feedCache', 'readwrite');
      const store = tx.objectStore('feedCache');
      const get = store.get('current');
      get.onsuccess = () => {
        const row = get.result;
        if (change.error) row.error = change.error;
        if (change.emptyPosts) row.feed = { ...row.feed, posts: [] };
        store.put(row);
      };
      tx.oncomplete = () => {
        db.close();
        ok();
      };
      tx.onerror = () => fail(tx.error);
    };
  });

const STORED_TRACKING = async (): Promise<unknown> => {
  type Api = { storage: { local: { get(key: string): Promise<Record<string, any>> } } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return ((await (g.browser ?? g.chrome).storage.local.get('settings')).settings as { tracking?: unknown } | undefined)
    ?.tracking;
};

/** The feed cache row's last attempt (raw IndexedDB). */
const LAST_ATTEMPT = async (): Promise<number | null> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('feedCache').objectStore('feedCache').get('current');
      get.onsuccess = () => {
        req.result.close();
        ok(get.result?.lastAttemptAt ?? null);
      };
    };
  });

async function storeSettings(page: TestPage, tracking: object) {
  await page.evaluate(async (t) => {
    type Api = { storage: { local: { set(items: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    await api.storage.local.set({ settings: { schemaVersion: 1, tracking: t } });
  }, tracking);
}

describe.each(BROWSERS)('popup states in %s', (name) => {
  const ctx = useBrowser(name);

  it('shows a clear banner while logging is paused, and drops it when resumed', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    expect(await popup.text('[data-testid="tracking-paused"]')).toBeNull();
    await storeSettings(popup.page, { enabled: true, paused: true, pausedUntil: null });
    await popup.page.waitFor('[data-testid="tracking-paused"]');
    expect(await popup.text('[data-testid="tracking-paused"]')).toContain('Logging is paused');
    expect(await axeViolations(popup.page)).toEqual([]);
    await storeSettings(popup.page, { enabled: true, paused: false, pausedUntil: null });
    await waitUntil(async () => (await popup.text('[data-testid="tracking-paused"]')) === null, 'the banner to go');
    // Paused again, and resumed from the banner itself.
    await storeSettings(popup.page, { enabled: true, paused: true, pausedUntil: null });
    await popup.page.click('[data-testid="resume"]');
    await waitUntil(
      async () => (await popup.text('[data-testid="tracking-paused"]')) === null,
      'Resume to end the pause',
    );
    expect(await popup.page.evaluate(STORED_TRACKING)).toMatchObject({
      enabled: true,
      paused: false,
      pausedUntil: null,
    });
    await popup.page.close();
  });

  it('says when the browser refused to store a share, and drops the notice once shares are stored again', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    expect(await popup.text('[data-testid="storage-problem"]')).toBeNull();
    // What the background records when a share write fails (lib/storage-problem.ts, unit-tested with a
    // real quota error); here the popup's side of it, through real extension storage.
    const setProblem = (value: object | null) =>
      popup.page.evaluate(async (v) => {
        type Api = { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        const api = g.browser ?? g.chrome;
        await (v ? api.storage.local.set({ storageProblem: v }) : api.storage.local.remove('storageProblem'));
      }, value);
    await setProblem({ message: 'QuotaExceededError: The quota has been exceeded.', since: Date.now() - 60_000 });
    await popup.page.waitFor('[data-testid="storage-problem"]');
    expect(await popup.text('[data-testid="storage-problem"]')).toContain('refused to store new shares');
    expect(await popup.text('[data-testid="storage-problem"] .error-detail')).toBe(
      'QuotaExceededError: The quota has been exceeded.',
    );
    expect(await axeViolations(popup.page)).toEqual([]);
    await setProblem(null);
    await waitUntil(async () => (await popup.text('[data-testid="storage-problem"]')) === null, 'the notice to go');
    await popup.page.close();
  });

  it('says what went wrong with the feed and since when, and keeps the last good feed', async () => {
    const first = await PopupPage.open(ctx.browser);
    const before = await first.waitForPosts();
    const since = new Date(2026, 10, 24, 9, 30).getTime();
    await first.page.evaluate(EDIT_FEED_ROW, {
      error: { message: 'HTTP 503 from https://feeds.sharewise.test/acme.json', since },
    });
    await first.page.close();
    const popup = await PopupPage.open(ctx.browser);
    await popup.page.waitFor('[data-testid="feed-problem"]');
    const text = await popup.text('[data-testid="feed-problem"]');
    expect(text).toContain("Your company's posts can't be reached right now.");
    expect(text).toContain('Showing the last version that worked');
    // The technical detail is there, behind a disclosure.
    const detail = await popup.text('[data-testid="feed-problem"] details');
    expect(detail).toContain('could not be updated since');
    expect(detail).toContain('2026');
    expect(detail).toContain('HTTP 503 from https://feeds.sharewise.test/acme.json');
    expect(
      await popup.page.evaluate(
        () => (document.querySelector('[data-testid="feed-problem"] details') as HTMLDetailsElement).open,
      ),
    ).toBe(false);
    expect(await popup.postIds()).toEqual(before);
    expect(await axeViolations(popup.page)).toEqual([]);
    // Try again asks the background for a sync now, whatever the feed's age.
    const attempted = await popup.page.evaluate(LAST_ATTEMPT);
    await popup.page.click('[data-testid="feed-retry"]');
    await waitUntil(
      async () => ((await popup.page.evaluate(LAST_ATTEMPT)) ?? 0) > (attempted ?? 0),
      'a new attempt at the feed',
    );
    await popup.page.close();
  });

  it('says it is getting the posts before the first feed is stored', async () => {
    const first = await PopupPage.open(ctx.browser);
    await first.waitForPosts();
    // The snapshot the background writes before its first feed (lib/ui/snapshot.ts: feed null);
    // `restore` puts the real one back.
    const swap = (restore: boolean) =>
      first.page.evaluate(async (back) => {
        type Api = {
          storage: { local: { get(key: string): Promise<Record<string, any>>; set(items: object): Promise<void> } };
        };
        const g = globalThis as unknown as { browser?: Api; chrome: Api; __kept?: unknown };
        const api = g.browser ?? g.chrome;
        if (back) return api.storage.local.set({ popupSnapshot: g.__kept });
        const { popupSnapshot } = await api.storage.local.get('popupSnapshot');
        g.__kept = popupSnapshot;
        await api.storage.local.set({ popupSnapshot: { ...popupSnapshot, feed: null } });
      }, restore);
    await swap(false);
    await first.page.waitFor('[data-testid="first-run"]');
    expect(await first.text('[data-testid="first-run"]')).toBe("Getting your company's posts…");
    expect(await first.text('[data-testid="vision-headline"]')).toBeNull();
    expect(await axeViolations(first.page)).toEqual([]);
    await swap(true);
    await first.waitForPosts();
    await first.page.close();
  });

  it('says so when there is nothing to share', async () => {
    const first = await PopupPage.open(ctx.browser);
    await first.waitForPosts();
    await first.page.evaluate(EDIT_FEED_ROW, { emptyPosts: true });
    await first.page.close();
    const popup = await PopupPage.open(ctx.browser);
    await waitUntil(() => popup.text('[data-testid="no-posts"]'), 'the empty state');
    expect(await popup.text('[data-testid="no-posts"]')).toContain('No posts to share right now');
    await popup.page.close();
  });
});

/** Replaces the database by a newer, empty version Sharewise cannot read (runs in the page). */
const BREAK_DB = () =>
  new Promise<void>((ok, fail) => {
    const probe = indexedDB.open('sharewise');
    probe.onerror = () => fail(probe.error);
    probe.onsuccess = () => {
      const version = probe.result.version;
      probe.result.close();
      const req = indexedDB.open('sharewise', version + 100);
      req.onupgradeneeded = () => {
        for (const store of [...req.result.objectStoreNames]) req.result.deleteObjectStore(store);
      };
      req.onsuccess = () => {
        req.result.close();
        ok();
      };
      req.onerror = () => fail(req.error);
    };
  });

describe.each(BROWSERS)('a database that cannot be opened, in %s', (name) => {
  const ctx = useBrowser(name);

  it('shows a visible error, not a blank popup', async () => {
    const first = await PopupPage.open(ctx.browser);
    await first.waitForPosts();
    await first.page.evaluate(BREAK_DB);
    await first.page.close();
    const popup = await PopupPage.open(ctx.browser);
    await popup.page.waitFor('[data-testid="storage-error"]');
    expect(await popup.text('[data-testid="storage-error"] h1')).toBe("Sharewise can't open its storage");
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.page.close();
  });
});
