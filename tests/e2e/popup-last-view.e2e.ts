import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './harness/browsers';
import { waitUntil, type TestPage } from './harness/page';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

// The X fixture plays the intent page the share goes through.
useFixtureServer();
const R7 = 'p-2026-11-r7-launch';

/** The popup's stored last view (lib/ui/last-view.ts), read from the extension's localStorage. */
const storedView = (page: TestPage) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('sharewise.lastView');
    return raw ? (JSON.parse(raw) as { html: string; stamp: string }) : null;
  });

/** After the live render: whether this page painted its last view first, and what it shows now. */
const openedWith = (popup: PopupPage) =>
  popup.page.evaluate(() => ({
    painted: performance.getEntriesByName('sharewise:last-view').length > 0,
    html: document.getElementById('root')!.innerHTML,
    inert: document.getElementById('root')!.inert,
  }));

/**
 * Opens the popup until its saved last view holds: in a just-installed browser the install's own
 * writes (settings, demo feed) may land after the popup read its data, which rightly voids that view.
 */
async function openUntilSaved(browser: ExtensionBrowser): Promise<{ popup: PopupPage; html: string }> {
  for (let attempt = 1; ; attempt++) {
    const popup = await PopupPage.open(browser);
    await popup.waitForPosts();
    const view = await waitUntil(() => storedView(popup.page), 'the last view to be saved');
    // Let the background finish what the open asked of it (badge, feed check), then compare.
    await new Promise((ok) => setTimeout(ok, 300));
    // Firefox's promise API is `browser`; Chromium's is `chrome`.
    const current = await popup.page.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return (await api.storage.local.get('viewStamp')).viewStamp;
    });
    if (current === view.stamp) return { popup, html: view.html };
    if (attempt === 3) throw new Error(`the last view never held: stamp ${current} vs saved ${view.stamp}`);
    await popup.page.close();
  }
}

describe.each(BROWSERS)('the popup last view in %s', (name) => {
  const ctx = useBrowser(name);

  it('is painted at once when nothing changed, and is exactly what the live render then shows', async () => {
    const first = await openUntilSaved(ctx.browser);
    expect(first.html).toContain('data-testid="vision-headline"');
    expect((await openedWith(first.popup)).painted).toBe(false);
    await first.popup.page.close();

    const again = await PopupPage.open(ctx.browser);
    const opened = await openedWith(again);
    expect(opened.painted).toBe(true);
    // The live render replaced it with the same markup, and handlers work again (not inert).
    expect(opened.html).toBe(first.html);
    expect(opened.inert).toBe(false);
    await again.page.click('input[value="x"]');
    await waitUntil(async () => (await again.postIds()).length < 8, 'the X filter to apply');
    await again.page.close();
  });

  it('is never shown once a share changed what it says: the next open shows the new progress', async () => {
    const { browser } = ctx;
    const { popup, html: before } = await openUntilSaved(browser);
    expect(before).toContain('data-month="0"');
    await popup.share(R7, 'x');
    const intent = await browser.waitForPage((u) => u.startsWith('https://x.com/intent/post?'), 'the X intent tab');
    await intent.waitFor('[data-testid="tweetButton"]:not([disabled])');
    await intent.click('[data-testid="tweetButton"]');
    await popup.waitForShared(R7, 'x');
    await intent.close();
    await popup.page.close();

    const after = await PopupPage.open(browser);
    const opened = await openedWith(after);
    expect(opened.painted).toBe(false);
    expect(await after.shareCount()).toBe(1);
    // Its own first render is the new last view, which the next open paints.
    await waitUntil(async () => (await storedView(after.page))?.html.includes('data-month="1"'), 'the new last view');
    await after.page.close();
    const next = await PopupPage.open(browser);
    expect((await openedWith(next)).painted).toBe(true);
    expect(await next.shareCount()).toBe(1);
    await next.page.close();
  });

  it('goes with "Delete everything"', async () => {
    const { popup } = await openUntilSaved(ctx.browser);
    await popup.page.close();
    const options = await OptionsPage.open(ctx.browser);
    await options.deleteAll();
    await waitUntil(async () => (await options.status()).includes('deleted'), 'the deletion to be confirmed');
    expect(await storedView(options.page)).toBeNull();
    await options.page.close();
  });
});

