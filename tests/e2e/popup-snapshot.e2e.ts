import { describe, expect, it } from 'vitest';
import { waitUntil, type TestPage } from './harness/page';
import { BROWSERS, useBrowser } from './helpers';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

/**
 * The popup's one data path: the snapshot the background keeps in storage.local
 * (lib/ui/snapshot.ts, lib/background/snapshot.ts). The popup loads no database code and shows
 * what the background last wrote, following its changes.
 */

type Api = {
  storage: { local: { get(key: string): Promise<Record<string, any>> } };
  runtime: { sendMessage(message: unknown): Promise<any> };
};

/** The scripts the page loaded (its module and every chunk), with their text. */
const LOADED_SCRIPTS = async (): Promise<{ url: string; text: string }[]> => {
  const urls = new Set<string>([...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src));
  for (const e of performance.getEntriesByType('resource')) if (e.name.endsWith('.js')) urls.add(e.name);
  return Promise.all([...urls].map(async (url) => ({ url, text: await (await fetch(url)).text() })));
};

/** Imports shares through the background, as the options page's import does (the messaging envelope of lib/messaging/send.ts). */
async function importShares(page: TestPage, n: number): Promise<void> {
  const reply = await page.evaluate(async (count) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const a = g.browser ?? g.chrome;
    const shares = Array.from({ length: count }, (_, i) => ({
      id: `e2e-import-${i}`,
      at: Date.now() - i * 1000,
      network: 'x',
      kind: 'post',
      postId: null,
      surface: 'composer',
      urls: [],
    }));
    return a.runtime.sendMessage({ id: 1, type: 'ui:importShares', data: { shares }, timestamp: Date.now() });
  }, n);
  expect(reply?.res).toMatchObject({ ok: true, added: n });
}

describe.each(BROWSERS)('the popup snapshot in %s', (name) => {
  const ctx = useBrowser(name);

  it('is what the popup shows, and the popup loads no database code', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    const snapshot = (await popup.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).storage.local.get('popupSnapshot')).popupSnapshot;
    })) as { feed: { feed: { vision: { headline: string } } } } | undefined;
    expect(await popup.text('[data-testid="vision-headline"]')).toBe(snapshot?.feed.feed.vision.headline);
    const scripts = await popup.page.evaluate(LOADED_SCRIPTS);
    expect(scripts.length).toBeGreaterThan(0);
    // Dexie names itself throughout its code (errors, version checks): no chunk the popup loaded holds it.
    expect(scripts.filter((s) => s.text.includes('Dexie')).map((s) => s.url)).toEqual([]);
    await popup.page.close();
  });

  it('follows the background while open, and "Delete everything" empties it', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    expect(await popup.shareCount()).toBe(0);
    await importShares(popup.page, 3);
    await waitUntil(async () => (await popup.shareCount()) === 3, 'the open popup to show the imported shares');
    await popup.page.close();

    const options = await OptionsPage.open(ctx.browser);
    await waitUntil(async () => (await options.historyIds()).length === 3, 'the history to list the imported shares');
    await options.deleteAll();
    await waitUntil(async () => (await options.status()).includes('deleted'), 'the deletion to be confirmed');
    await options.page.close();
    const again = await PopupPage.open(ctx.browser);
    await again.waitForPosts();
    expect(await again.shareCount()).toBe(0);
    await again.page.close();
  });
});
