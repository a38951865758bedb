import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  badgeText,
  markPopupOpened,
  newPostCount,
  refreshBadge,
  SEEN_KEY,
  setupBadge,
} from '../../lib/background/badge';
import { getDb } from '../../lib/db';
import { activePosts } from '../../lib/feed/select';
import type { Feed } from '../../lib/feed/schema';
import { demoFeed } from './helpers/demo-feed';
import { deliverRaw, envelope, useBackground } from './helpers/messaging';

const demo: Feed = demoFeed();
const NOW = new Date(2026, 10, 25, 12).getTime();
const ACTIVE = 8; // the demo's nine posts minus the expired webinar

function recorder() {
  const texts: string[] = [];
  return { texts, api: { setText: (t: string) => void texts.push(t) } };
}
const putFeed = (feed: Feed) =>
  getDb().feedCache.put({ key: 'current', feed, source: 'demo', fetchedAt: NOW, error: null });

useBackground();

describe('badge text', () => {
  it('is empty for none and capped for many', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });

  it('counts active posts the popup has not shown', () => {
    expect(newPostCount(['a', 'b', 'c'], ['b', 'gone'])).toBe(2);
  });
});

describe('toolbar badge', () => {
  it('counts every active post before the popup was ever opened, and clears when it opens', async () => {
    const { texts, api } = recorder();
    await putFeed(demo);
    expect(await refreshBadge(getDb(), api, NOW)).toBe(String(ACTIVE));
    await markPopupOpened(getDb(), api, NOW);
    expect(texts.at(-1)).toBe('');
    expect(await refreshBadge(getDb(), api, NOW)).toBe('');
  });

  it('shows only posts added to the feed after the popup was last opened', async () => {
    const { api } = recorder();
    await putFeed(demo);
    await markPopupOpened(getDb(), api, NOW);
    const extra = { ...demo.posts[0]!, id: 'p-new', publishedAt: '2026-11-24' };
    await putFeed({ ...demo, posts: [...demo.posts, extra] });
    expect(await refreshBadge(getDb(), api, NOW)).toBe('1');
  });

  it('recomputes by itself when the feed cache changes, and clears on ui:popupOpened from an extension page', async () => {
    const { texts, api } = recorder();
    const { stop } = setupBadge(api);
    try {
      await putFeed(demo);
      const active = activePosts(demo, Date.now()).length; // the live path uses the real clock
      expect(active).toBeGreaterThan(0);
      await expect.poll(() => texts.at(-1)).toBe(String(active));
      const answer = await deliverRaw(envelope('ui:popupOpened', {}), {
        id: fakeBrowser.runtime.id,
        url: fakeBrowser.runtime.getURL('/popup.html'),
      });
      expect(answer).toMatchObject({ res: { ok: true } });
      expect(texts.at(-1)).toBe('');
      expect((await fakeBrowser.storage.local.get(SEEN_KEY))[SEEN_KEY]).toHaveLength(active);
    } finally {
      stop();
    }
  });

  it('ignores ui:popupOpened from a web page', async () => {
    const { api } = recorder();
    await putFeed(demo);
    const { stop } = setupBadge(api);
    try {
      const answer = await deliverRaw(envelope('ui:popupOpened', {}), {
        id: fakeBrowser.runtime.id,
        url: 'https://x.com/home',
        tab: { id: 1 },
      });
      expect(answer).toMatchObject({ res: { rejected: expect.any(String) } });
      expect((await fakeBrowser.storage.local.get(SEEN_KEY))[SEEN_KEY]).toBeUndefined();
    } finally {
      stop();
    }
  });
});
