import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './harness/browsers';
import { waitUntil } from './harness/page';
import { BROWSERS, useBrowser } from './helpers';

/**
 * The popup's first screen at the size Chrome gives a popup, 400×600, and at 360×600 (a popup beside a
 * narrow window's edge): the popup is loaded in a frame of that size in an extension page (the toolbar
 * popup cannot be opened headless, and a frame gives the same viewport in both browsers), and what lies
 * within its first 600 px is measured.
 */

interface FirstScreen {
  points: boolean;
  headline: boolean;
  share: boolean;
  /** Wider than the frame: a horizontal scrollbar. */
  overflowX: boolean;
  /** Visible text smaller than 12 px. */
  small: string[];
  /** In the first card, whether a share button comes before every other control in tab order. */
  shareFirst: boolean;
  copyName: string | null;
}

const IN_FRAME = async (width: number): Promise<FirstScreen | null> => {
  const frame = document.querySelector('iframe') as HTMLIFrameElement | null;
  const doc = frame?.contentDocument;
  if (!doc?.querySelector('article[data-testid^="post-"]') || !doc.querySelector('[data-testid="points"]')) return null;
  const within = (el: Element | null) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= 600;
  };
  const small: string[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement!;
    if (!n.textContent?.trim() || el.closest('.sr-only, [hidden], details:not([open]) > :not(summary)')) continue;
    if (parseFloat(getComputedStyle(el).fontSize) < 12) small.push(n.textContent.trim().slice(0, 40));
  }
  const card = doc.querySelector('article[data-testid^="post-"]')!;
  const controls = [...card.querySelectorAll('button, a[href], summary, select, textarea, input')];
  return {
    points: within(doc.querySelector('[data-testid="points"]')),
    headline: within(doc.querySelector('[data-testid="vision-headline"]')),
    share: [...doc.querySelectorAll('button[data-testid^="share-"]')].some(within),
    overflowX: doc.documentElement.scrollWidth > width,
    small,
    shareFirst: controls[0]?.getAttribute('data-testid')?.startsWith('share-') ?? false,
    copyName: card.querySelector('[data-testid="copy"]')?.getAttribute('aria-label') ?? null,
  };
};

async function firstScreen(browser: ExtensionBrowser, width: number): Promise<FirstScreen> {
  const page = await browser.openExtensionPage('/blank.html');
  await page.evaluate((w) => {
    const frame = document.createElement('iframe');
    frame.src = '/popup.html';
    frame.style.cssText = `width:${w}px;height:600px;border:0`;
    document.body.append(frame);
  }, width);
  const screen = await waitUntil(() => page.evaluate(IN_FRAME, width), `the popup in its ${width}×600 frame`);
  await page.close();
  return screen;
}

describe.each(BROWSERS)('the popup first screen in %s', (name) => {
  const ctx = useBrowser(name);

  it.each([400, 360])(
    'at %i×600 shows points toward the threshold, the vision headline and a Share button without scrolling',
    async (width) => {
      const s = await firstScreen(ctx.browser, width);
      expect(s).toMatchObject({
        points: true,
        headline: true,
        share: true,
        overflowX: false,
        shareFirst: true,
        copyName: 'Copy text',
      });
      expect(s.small).toEqual([]);
    },
  );
});

describe.each(BROWSERS)('the popup first screen in German, %s', (name) => {
  const ctx = useBrowser(name, { locale: 'de' });

  it.each([400, 360])('at %i×600 shows the same in German', async (width) => {
    const s = await firstScreen(ctx.browser, width);
    expect(s).toMatchObject({
      points: true,
      headline: true,
      share: true,
      overflowX: false,
      shareFirst: true,
      copyName: 'Text kopieren',
    });
    expect(s.small).toEqual([]);
  });
});
