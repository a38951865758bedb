import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed';
import { axeViolations } from './harness/axe';
import { launch, type ExtensionBrowser } from './harness/browsers';
import { tabWalk } from './harness/keyboard';
import { waitUntil } from './harness/page';
import { answerPreflight, CORS, FEED_HOST, hostAndPath, setLocal, settings, waitForFeed } from './feed-support';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { demoFeed } from '../fixtures/feeds/malformed';

/**
 * What the popup does with hostile or broken input: feed text full of markup is shown as the
 * literal characters (no element created, no script run), and a database the browser refuses to
 * open gives a visible error instead of a blank popup. Assertions stay on visible text so they
 * hold whatever the popup's layout becomes.
 */
const fixtures = useFixtureServer();

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';

describe.each(BROWSERS)('popup safety in %s', (name) => {
  const ctx = useBrowser(name);

  it('renders HTML and script in feed text literally and runs none of it', async () => {
    const { browser } = ctx;
    const raw = demoFeed();
    raw.company.name = `Acme ${HOSTILE}`;
    raw.vision.headline = `Headline ${HOSTILE}`;
    raw.vision.statement = `Statement ${HOSTILE}`;
    raw.vision.measures[0].label = `Measure ${HOSTILE}`;
    for (const post of raw.posts) {
      post.title = `Title ${HOSTILE}`;
      post.text = `Text ${HOSTILE}`;
    }
    const parsed = parseFeed(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;

    // Served as the employee's company feed: the background fetches, validates and stores it, as in use.
    const url = `https://${FEED_HOST}/hostile.json`;
    const stop = fixtures.server.handle((req, res) => {
      const { host, path } = hostAndPath(req);
      if (host !== FEED_HOST || path !== '/hostile.json') return false;
      if (answerPreflight(req, res)) return true;
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(raw));
      return true;
    });
    try {
      const blank = await browser.openExtensionPage('/blank.html');
      await setLocal(blank, { settings: settings({ feedUrl: url }) });
      // Each sync first reads storage.managed, which Chromium can take seconds to answer right after install.
      await waitForFeed(
        browser,
        'the hostile feed',
        (r) => r.source === url && r.feed?.vision.headline === `Headline ${HOSTILE}`,
        60_000,
      );
      await blank.close();
    } finally {
      stop();
    }

    const popup = await browser.openExtensionPage('/popup.html', 'main');
    await waitUntil(
      async () => (await popup.evaluate(() => document.body.textContent ?? '')).includes(`Headline ${HOSTILE}`),
      'the headline, literally',
    );
    const dom = await popup.evaluate(() => ({
      pwned: (window as any).__pwned ?? null,
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold?').length,
    }));
    expect(dom).toEqual({ pwned: null, images: 0, inlineScripts: 0, bold: 0 });
  });
});

describe.each(BROWSERS)('storage trouble in %s', (name) => {
  let browser: ExtensionBrowser;
  // Launched without useBrowser: the failing database is meant to log errors on extension pages.
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a database the browser cannot open shows a visible error, not a blank popup', async () => {
    const blank = await browser.openExtensionPage('/blank.html');
    // First let the install finish writing (its first feed): a background reopening the database
    // between the deletion and the replacement below would recreate our tables in it.
    await waitForFeed(browser, 'the first feed', (r) => !!r.feed);
    // Replace the database with one at the highest version IndexedDB allows and none of our tables:
    // opening it for our schema cannot succeed (no higher version exists to upgrade to).
    const made = await blank.evaluate(async () => {
      await new Promise<void>((ok, fail) => {
        const del = indexedDB.deleteDatabase('sharewise');
        del.onsuccess = () => ok();
        del.onerror = () => fail(del.error);
      });
      return new Promise<number>((ok, fail) => {
        const req = indexedDB.open('sharewise', Number.MAX_SAFE_INTEGER);
        req.onupgradeneeded = () => {
          for (const store of [...req.result.objectStoreNames]) req.result.deleteObjectStore(store);
          req.result.createObjectStore('unrelated');
        };
        req.onsuccess = () => {
          const v = req.result.version;
          req.result.close();
          ok(v);
        };
        req.onerror = () => fail(req.error);
      });
    });
    expect(made).toBe(Number.MAX_SAFE_INTEGER);

    const popup = await browser.openExtensionPage('/popup.html');
    await popup.waitFor('[role="alert"]');
    const text = (await popup.text('[role="alert"]')) ?? '';
    expect(text).toContain("can't open its storage");
    expect(await popup.evaluate(() => (document.body.textContent ?? '').trim().length)).toBeGreaterThan(40);

    // The error view is usable with the keyboard alone and passes axe: its details open with Enter.
    expect(await axeViolations(popup)).toEqual([]);
    const walk = await tabWalk(popup);
    expect(walk.trapped).toBe(false);
    expect(walk.stops.map((s) => s.tag)).toEqual(['summary']);
    await waitUntil(async () => {
      if (await popup.evaluate(() => document.activeElement?.tagName === 'SUMMARY')) return true;
      await popup.press('Tab');
      return false;
    }, 'Tab to reach the details again');
    await popup.press('Enter');
    expect(await popup.evaluate(() => document.querySelector('details')?.open)).toBe(true);
  });
});
