// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { LAST_VIEW_KEY, paintLastView, readLastView, saveLastView, viewUntil, type LastView } from '../../lib/ui/last-view';

const NOW = new Date(2026, 10, 25, 21, 30).getTime();
const MIDNIGHT = new Date(2026, 10, 26).getTime();
const HTML = '<main><h1 id="vision-headline">Robots for everyone</h1><p data-testid="share-count">3 this week</p></main>';

function page(): { doc: Document; root: HTMLElement } {
  document.documentElement.removeAttribute('data-view');
  document.body.innerHTML = '<div id="root"></div>';
  return { doc: document, root: document.getElementById('root')! };
}
const store = (view: Partial<LastView> = {}) =>
  saveLastView(localStorage, { html: HTML, stamp: 's1', lang: 'en', until: MIDNIGHT, ...view });

beforeEach(() => localStorage.clear());

describe('the popup last view: when it still holds', () => {
  it('lasts until the next local midnight, or the end of a pause if sooner', () => {
    expect(viewUntil(NOW, { state: 'on' })).toBe(MIDNIGHT);
    expect(viewUntil(NOW, { state: 'paused', until: NOW + 60_000 })).toBe(NOW + 60_000);
    expect(viewUntil(NOW, { state: 'paused', until: MIDNIGHT + 60_000 })).toBe(MIDNIGHT);
    expect(viewUntil(NOW, { state: 'paused', until: null })).toBe(MIDNIGHT);
  });

  it('is read only for the same language, before it expires, and when well formed', () => {
    store();
    const raw = localStorage.getItem(LAST_VIEW_KEY);
    expect(readLastView(raw, 'en', NOW)?.html).toBe(HTML);
    expect(readLastView(raw, 'de', NOW)).toBeNull();
    expect(readLastView(raw, 'en', MIDNIGHT)).toBeNull();
    expect(readLastView('{not json', 'en', NOW)).toBeNull();
    expect(readLastView(JSON.stringify({ v: 1, html: 3, stamp: 's1', lang: 'en', until: MIDNIGHT }), 'en', NOW)).toBeNull();
    expect(readLastView(null, 'en', NOW)).toBeNull();
  });
});

describe('painting the last view', () => {
  it('paints it inert, marked, when the stamp it was saved under is still current', async () => {
    const { doc, root } = page();
    store();
    const painted = paintLastView(doc, localStorage, 'en', NOW, async () => {
      // While the stamp is being read, the page says a decision is pending.
      expect(doc.documentElement.dataset.view).toBe('checking');
      return 's1';
    });
    expect(await painted).toBe(true);
    expect(root.innerHTML).toBe(HTML);
    expect(root.inert).toBe(true);
    expect(doc.documentElement.dataset.view).toBe('last');
    expect(performance.getEntriesByName('sharewise:last-view').length).toBeGreaterThan(0);
  });

  it('paints nothing and deletes the view once anything it shows has changed (a new stamp)', async () => {
    const { doc, root } = page();
    store();
    expect(await paintLastView(doc, localStorage, 'en', NOW, async () => 's2')).toBe(false);
    expect(root.childNodes.length).toBe(0);
    expect(doc.documentElement.dataset.view).toBeUndefined();
    expect(localStorage.getItem(LAST_VIEW_KEY)).toBeNull();
  });

  it('paints nothing when storage cannot say the stamp', async () => {
    const { doc, root } = page();
    store();
    expect(await paintLastView(doc, localStorage, 'en', NOW, () => Promise.reject(new Error('no storage')))).toBe(false);
    expect(root.childNodes.length).toBe(0);
  });

  it('never covers the live render if that arrived first', async () => {
    const { doc, root } = page();
    store();
    const painted = paintLastView(doc, localStorage, 'en', NOW, async () => 's1');
    root.innerHTML = '<main>live</main>';
    delete doc.documentElement.dataset.view;
    expect(await painted).toBe(false);
    expect(root.innerHTML).toBe('<main>live</main>');
  });

  it('deletes an expired or foreign view without painting it', async () => {
    const { doc, root } = page();
    store({ until: NOW - 1 });
    expect(await paintLastView(doc, localStorage, 'en', NOW, async () => 's1')).toBe(false);
    expect(root.childNodes.length).toBe(0);
    expect(localStorage.getItem(LAST_VIEW_KEY)).toBeNull();
  });
});
