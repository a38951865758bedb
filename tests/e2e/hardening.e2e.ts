import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, ROOT, type ExtensionBrowser } from './harness/browsers';
import { waitUntil } from './harness/page';
import {
  answerPreflight,
  CORS,
  FEED_HOST,
  feedRow,
  hostAndPath,
  sendUi,
  setLocal,
  settings,
  waitForFeed,
} from './feed-support';
import { BROWSERS, readShares, useBrowser, useFixtureServer } from './helpers';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { ShareLog, waitForNotice } from './pages/detect';
import { demoFeed } from '../fixtures/feeds/malformed';

/**
 * Issue 12, the items where the browser is the point: a page cannot hear or stop Sharewise (2), post
 * ids named like Object properties (3), links kept with "Keep post text" off (4), and "Delete
 * everything" leaving nothing of the old install (10).
 */
const fixtures = useFixtureServer();
const R7 = 'https://kestrel-robotics.example/r7';

/**
 * Runs first in the page (inline, in <head>): records every `message` event and every event named like
 * WXT's content-script announcements, then sends the event that stopped WXT's content-script context
 * (as a newer copy of the script would), once now and once after load.
 */
function pageSpy(extensionId: string): void {
  const w = window as unknown as { __heard: string[] };
  w.__heard = [];
  const meddle = () => {
    for (const entry of ['x', 'linkedin']) {
      const type = `${extensionId}:${entry}:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: entry, messageId: 'page' } }));
    }
  };
  meddle();
  window.addEventListener('message', (e) => w.__heard.push(`message ${JSON.stringify(e.data)}`));
  for (const entry of ['x', 'linkedin']) {
    for (const name of ['content-script-started', 'locationchange']) {
      const type = `${extensionId}:${entry}:wxt:${name}`;
      // Not its own meddling (below), which it sends again after load.
      const own = (e: Event) => (e as CustomEvent<{ messageId?: string } | null>).detail?.messageId === 'page';
      window.addEventListener(type, (e) => own(e) || w.__heard.push(`window ${type}`));
      document.addEventListener(type, (e) => own(e) || w.__heard.push(`document ${type}`));
    }
  }
  window.addEventListener('load', meddle);
}

/** The x.com home fixture (tests/fixtures/x/home.html) with the spy as the page's first script. */
function serveSpiedHome(browser: ExtensionBrowser): () => void {
  const id = browser.name === 'chromium' ? new URL(browser.extensionOrigin).host : GECKO_ID;
  const html = readFileSync(join(ROOT, 'tests/fixtures/x/home.html'), 'utf8').replace(
    '<head>',
    `<head><script>(${pageSpy.toString()})(${JSON.stringify(id)});</script>`,
  );
  return fixtures.server.handle((req, res) => {
    const url = new URL(req.url ?? '/', 'https://x.com');
    if (hostAndPath(req).host !== 'x.com' || !url.searchParams.has('spied')) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    return true;
  });
}

/** Posts `text` from x.com's home composer and waits for the site's "sent" notice. */
async function postOnX(browser: ExtensionBrowser, text: string): Promise<void> {
  const x = await browser.open('https://x.com/home');
  await x.click('[data-fixture="inline-composer"] [data-testid="tweetTextarea_0"]');
  await x.type(text);
  await x.click('[data-testid="tweetButtonInline"]');
  await waitForNotice(x, '[data-testid="toast"]', 'Your post was sent.');
  await x.close();
}

type Api = {
  storage: { local: { get(k: null): Promise<Record<string, unknown>> } };
  alarms: { getAll(): Promise<{ name: string }[]> };
};
const allLocal = async (): Promise<Record<string, unknown>> => {
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return (g.browser ?? g.chrome).storage.local.get(null);
};
const alarmNames = async (): Promise<string[]> => {
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return (await (g.browser ?? g.chrome).alarms.getAll()).map((a) => a.name).sort();
};
/** Every table of the extension's database with all its rows. */
const ALL_TABLES = async (): Promise<Record<string, unknown[]>> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const names = [...db.objectStoreNames];
      const out: Record<string, unknown[]> = {};
      const tx = db.transaction(names);
      for (const n of names) {
        const q = tx.objectStore(n).getAll();
        q.onsuccess = () => (out[n] = q.result);
      }
      tx.oncomplete = () => {
        db.close();
        ok(out);
      };
      tx.onerror = () => fail(tx.error);
    };
  });

describe.each(BROWSERS)('hardening in %s', (name) => {
  const ctx = useBrowser(name);

  it('a page hears nothing from Sharewise and cannot switch it off (item 2)', async () => {
    const { browser } = ctx;
    const stop = serveSpiedHome(browser);
    try {
      const log = await ShareLog.start(browser);
      const page = await browser.open('https://x.com/home?spied=1');
      // A client-side route change (the modal composer) and back, as X does, then a post.
      await page.click('[data-testid="SideNav_NewTweet_Button"]');
      await page.waitFor('[role="dialog"][data-fixture="modal-composer"]');
      await page.click('[role="dialog"] [data-testid="tweetTextarea_0"]');
      await page.type('Posted on a meddling page');
      await page.click('[role="dialog"] [data-testid="tweetButton"]');
      await waitForNotice(page, '[data-testid="toast"]', 'Your post was sent.');
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ network: 'x', text: 'Posted on a meddling page' }),
      ]);
      // Route changes are announced after a poll in Firefox (no Navigation API): give it two.
      await new Promise((r) => setTimeout(r, 2500));
      expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
      await page.close();
    } finally {
      stop();
    }
  });

  it('refreshing the feed sends back nothing the server chose (item 5)', async () => {
    const { browser } = ctx;
    const url = `https://${FEED_HOST}/per-install.json`;
    const seen: Record<string, string | string[] | undefined>[] = [];
    const stop = fixtures.server.handle((req, res) => {
      const { host, path } = hostAndPath(req);
      if (host !== FEED_HOST || path !== '/per-install.json') return false;
      if (answerPreflight(req, res)) return true;
      seen.push(req.headers);
      // A tracking server: a token of its choosing per install, as ETag and as a cookie.
      res
        .writeHead(200, {
          ...CORS,
          'content-type': 'application/json',
          etag: '"install-4711"',
          'set-cookie': 'sid=install-4711; Secure; SameSite=None',
          'cache-control': 'max-age=0',
        })
        .end(JSON.stringify(demoFeed()));
      return true;
    });
    try {
      const page = await browser.openExtensionPage('/blank.html');
      await setLocal(page, { settings: settings({ feedUrl: url }) });
      await waitForFeed(browser, 'the feed', (r) => r.source === url && !!r.feed);
      await sendUi(page, 'ui:feedMaybeRefresh', { force: true });
      await waitUntil(() => seen.length >= 2, 'a second request');
      for (const h of seen) {
        expect(h['if-none-match']).toBeUndefined();
        expect(h.cookie).toBeUndefined();
        expect(h.referer).toBeUndefined();
      }
      expect(await feedRow(browser)).not.toHaveProperty('etag');
      // What remains: the browser's Origin header for the extension (docs/admin.md, "What a feed server learns").
      console.log(
        `[${name}] feed request Origin: ${String(seen[1]!.origin)}; headers: ${Object.keys(seen[1]!).join(', ')}`,
      );
      await page.close();
    } finally {
      stop();
      const reset = await browser.openExtensionPage('/blank.html');
      await setLocal(reset, { settings: settings() });
      await waitForFeed(browser, 'the demo feed again', (r) => r.source === 'demo');
      await reset.close();
    }
  });

  it('a feed with post ids named like Object properties: those posts are dropped and the popup works (item 3)', async () => {
    const { browser } = ctx;
    const raw = demoFeed();
    const template = raw.posts[0];
    const bad = ['constructor', '__proto__', 'toString'];
    raw.posts.push(
      ...bad.map((id, i) => ({
        ...template,
        id,
        title: `Prototype post ${i}`,
        url: `https://kestrel-robotics.example/proto-${i}`,
      })),
    );
    const url = `https://${FEED_HOST}/prototype-ids.json`;
    const stop = fixtures.server.handle((req, res) => {
      const { host, path } = hostAndPath(req);
      if (host !== FEED_HOST || path !== '/prototype-ids.json') return false;
      if (answerPreflight(req, res)) return true;
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(raw));
      return true;
    });
    try {
      const blank = await browser.openExtensionPage('/blank.html');
      await setLocal(blank, { settings: settings({ feedUrl: url }) });
      const row = await waitForFeed(browser, 'the feed with prototype ids', (r) => r.source === url && !!r.feed);
      const ids = (row.feed as unknown as { posts: { id: string }[] }).posts.map((p) => p.id);
      expect(ids.filter((id) => bad.includes(id))).toEqual([]);
      expect(ids).toHaveLength(demoFeed().posts.length);
      await blank.close();

      const popup = await PopupPage.open(browser);
      const shown = await popup.waitForPosts();
      expect(shown.length).toBeGreaterThan(0);
      expect(await popup.page.evaluate(() => document.body.textContent?.includes('Prototype post') ?? true)).toBe(
        false,
      );
      // Still usable: the X filter narrows the list to posts offered for X.
      await popup.filter('x');
      await waitUntil(async () => {
        const now = await popup.postIds();
        return now.length > 0 && now.length < shown.length;
      }, 'the X filter to narrow the list');
      await popup.page.close();
    } finally {
      stop();
      const reset = await browser.openExtensionPage('/blank.html');
      await setLocal(reset, { settings: settings() });
      await waitForFeed(browser, 'the demo feed again', (r) => r.source === 'demo');
      await reset.close();
    }
  });

  it('with "Keep post text" off, keeps only the approved post\'s link, and forgetting clears kept links (item 4)', async () => {
    const { browser } = ctx;
    await waitForFeed(browser, 'the demo feed', (r) => r.source === 'demo' && !!r.feed);
    const options = await OptionsPage.open(browser);
    await options.setSwitch('keep-text', true);
    let log = await ShareLog.start(browser);
    await postOnX(browser, `Kept with text ${R7} and https://my-blog.example/notes`);
    const [kept] = await log.waitForCount(1);
    expect(kept).toMatchObject({ postId: 'p-2026-11-r7-launch', urls: [R7, 'https://my-blog.example/notes'] });

    await options.setSwitch('keep-text', false);
    log = await ShareLog.start(browser);
    await postOnX(browser, `No text kept ${R7}?utm_source=x and https://my-blog.example/private`);
    await postOnX(browser, 'Own thoughts only https://my-blog.example/diary');
    const rows = await log.waitForCount(2);
    expect(rows.map((r) => [r.postId, r.urls, 'text' in r])).toEqual([
      ['p-2026-11-r7-launch', ['kestrel-robotics.example/r7'], false],
      [null, [], false],
    ]);

    await options.page.click('[data-testid="forget-texts"]');
    await waitUntil(async () => {
      const after = (await readShares(browser)).find((s) => s.id === kept!.id);
      return after && !('text' in after) ? after : null;
    }, 'the kept text and links to be forgotten');
    const after = (await readShares(browser)).find((s) => s.id === kept!.id);
    expect(after?.urls).toEqual(['kestrel-robotics.example/r7']);
    expect((await readShares(browser)).flatMap((s) => s.urls).filter((u) => u.includes('my-blog'))).toEqual([]);
    await options.setSwitch('keep-text', true);
    await options.page.close();

    // The welcome page says what is kept by default, and what switching it off keeps.
    const welcome = await browser.openExtensionPage('/welcome.html', '[data-testid="welcome"]');
    expect(await welcome.text('[data-testid="welcome-kept-text"]')).toMatch(
      /By default, also the text of the posts you publish and the links in them.*no text and no links are kept, except the link of the approved post/,
    );
    await welcome.close();
  });

  it('"Delete everything" leaves nothing of the old install in storage.local or IndexedDB (item 10)', async () => {
    const { browser } = ctx;
    const options = await OptionsPage.open(browser);
    const before = await options.storedSettings();
    const oldId = String(before?.installId);
    expect(oldId).toMatch(/^[A-Za-z0-9-]{8,}$/);
    await setLocal(options.page, {
      settings: {
        ...before,
        feedUrl: `https://${FEED_HOST}/company.json`,
        keepText: false,
        reporting: { ...before?.reporting, enabled: true, name: 'Ada Lovelace', email: 'ada@example.com' },
      },
      reminderState: { knownPostIds: ['p-old'], shownAt: [1] },
    });
    await sendUi(options.page, 'ui:recordIntent', { postId: 'p-2026-11-r7-launch', network: 'x' });
    await sendUi(options.page, 'ui:suggestPage', { url: 'https://example.com/a', title: 'A page', note: 'my note' });
    await waitForFeed(browser, 'a company feed attempt', (r) => r.source === `https://${FEED_HOST}/company.json`);
    await waitUntil(
      async () => (await options.page.evaluate(alarmNames)).includes('sharewise-reporting'),
      'the reporting alarm',
    );

    await options.deleteAll();
    await waitUntil(async () => /deleted/i.test(await options.status()), 'the delete to finish');
    // A fresh install follows: the demo feed again and a new install id.
    const fresh = await waitForFeed(
      browser,
      'the demo feed of a fresh install',
      (r) => r.source === 'demo' && !!r.feed,
    );
    expect(fresh.feed?.company.name).toBeTruthy();

    const local = await options.page.evaluate(allLocal);
    const text = JSON.stringify(local);
    for (const old of [oldId, 'Ada Lovelace', 'ada@example.com', FEED_HOST, 'p-old']) expect(text).not.toContain(old);
    const s = local.settings as Record<string, any>;
    expect(s.installId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(s).toMatchObject({
      feedUrl: null,
      keepText: true,
      welcomed: false,
      reporting: { enabled: false, name: '', email: '' },
    });
    // Only what a fresh install writes: its settings, the reminder baseline of the demo feed, the popup's snapshot.
    expect(Object.keys(local).filter((k) => !['settings', 'reminderState', 'popupSnapshot'].includes(k))).toEqual([]);

    const tables = await options.page.evaluate(ALL_TABLES);
    const { feedCache, ...rest } = tables;
    for (const [table, rows] of Object.entries(rest)) expect(rows, table).toEqual([]);
    expect(feedCache).toEqual([expect.objectContaining({ key: 'current', source: 'demo' })]);
    expect(JSON.stringify(feedCache)).not.toContain(FEED_HOST);
    expect(feedCache![0]).not.toHaveProperty('etag');
    // Alarms of a fresh install only (the feed refresh); the old reporting alarm is gone.
    expect(await options.page.evaluate(alarmNames)).toEqual(['sharewise-feed']);
    expect(await feedRow(browser)).toMatchObject({ source: 'demo' });
    await options.page.close();
  });
});
