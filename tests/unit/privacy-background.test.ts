import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onFreshStart } from '../../lib/background/fresh-start';
import { setupMyData } from '../../lib/background/my-data';
import { checkForNewPosts, openPopupFromNotification } from '../../lib/background/reminders';
import { setupWelcome } from '../../lib/background/welcome';
import { getDb } from '../../lib/db';
import { parseFeed } from '../../lib/feed';
import { parseManaged } from '../../lib/managed';
import { DEFAULT_SETTINGS, loadSettings, updateSettings } from '../../lib/settings';
import type { Share } from '../../lib/shares';
import { deliver, envelope, useBackground } from './helpers/messaging';

const EXT = fakeBrowser.runtime.id;
const origin = fakeBrowser.runtime.getURL('/');
const OPTIONS = { id: EXT, url: `${origin}options.html` };
const WEB_PAGE = { id: EXT, url: 'https://x.com/home', tab: { id: 1, url: 'https://x.com/home' } };

const share = (id: string, over: Partial<Share> = {}): Share => ({
  id,
  at: 1000,
  network: 'x',
  kind: 'post',
  postId: null,
  surface: 'composer',
  urls: [],
  ...over,
});

useBackground();

/** The demo feed as the background stores it: the feed in use decides which link is an approved post's. */
function demoFeed() {
  const parsed = parseFeed(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
  if (!parsed.ok) throw new Error('demo feed must parse');
  return parsed.feed;
}

describe('my data (background)', () => {
  it('imports only shares that are not already there, by id', async () => {
    setupMyData();
    await getDb().shares.add(share('a', { text: 'kept as it was' }));
    const answer = await deliver(
      envelope('ui:importShares', { shares: [share('a', { text: 'other' }), share('b'), share('b')] }),
      OPTIONS,
    );
    expect(answer).toEqual({ ok: true, added: 1, skipped: 2 });
    expect((await getDb().shares.toArray()).map((s) => [s.id, s.text])).toEqual([
      ['a', 'kept as it was'],
      ['b', undefined],
    ]);
  });

  it('strips the text of imported shares while "Keep post text" is off, and their links but the approved post\'s', async () => {
    setupMyData();
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, keepText: false }));
    await getDb().feedCache.put({ key: 'current', feed: demoFeed(), source: 'demo', fetchedAt: 1 });
    const answer = await deliver(
      envelope('ui:importShares', {
        shares: [
          share('a', { text: 'private words https://my-blog.example/x', urls: ['https://my-blog.example/x'] }),
          share('b', {
            postId: 'p-2026-11-r7-launch',
            text: 'R7',
            urls: ['https://kestrel-robotics.example/r7', 'https://my-blog.example/y'],
          }),
        ],
      }),
      OPTIONS,
    );
    expect(answer).toEqual({ ok: true, added: 2, skipped: 0 });
    expect((await getDb().shares.toArray()).map((s) => [s.id, s.urls, 'text' in s])).toEqual([
      ['a', [], false],
      ['b', ['kestrel-robotics.example/r7'], false],
    ]);
  });

  it('refuses an import with a share from the future', async () => {
    setupMyData();
    const answer = await deliver(
      envelope('ui:importShares', { shares: [share('a', { at: Date.now() + 24 * 3600_000 })] }),
      OPTIONS,
    );
    expect(answer).toEqual({ rejected: expect.stringContaining('shares.0.at') });
    expect(await getDb().shares.count()).toBe(0);
  });

  it('imports nothing when one share is broken', async () => {
    setupMyData();
    const answer = await deliver(
      envelope('ui:importShares', { shares: [share('a'), { ...share('b'), at: -1 }] }),
      OPTIONS,
    );
    expect(answer).toEqual({ rejected: expect.stringContaining('shares.1.at') });
    expect(await getDb().shares.count()).toBe(0);
  });

  it('deletes one share, then everything: every table, storage.local and alarms, then starts as a fresh install', async () => {
    setupMyData();
    const db = getDb();
    await db.shares.bulkAdd([share('a'), share('b')]);
    await db.sentLog.add({
      at: 1,
      key: 'k',
      endpoint: 'https://r.example',
      payload: {} as never,
      ok: true,
      status: 200,
      response: '',
    });
    await db.intents.add({ at: 1, network: 'x', postId: 'p' });
    await db.feedCache.put({
      key: 'current',
      feed: null,
      source: 'https://feeds.example/f.json',
      fetchedAt: 1,
      etag: '"install-4711"',
    });
    await updateSettings(() => ({
      ...DEFAULT_SETTINGS,
      installId: 'old-install-1',
      feedUrl: 'https://feeds.example/f.json',
      reporting: { ...DEFAULT_SETTINGS.reporting, name: 'Ada', email: 'ada@example.com' },
    }));
    await fakeBrowser.storage.local.set({
      reportingState: { cursor: 5 },
      reminderState: { knownPostIds: ['p'], shownAt: [] },
      popupSeenPosts: ['p'],
    });
    await fakeBrowser.alarms.create('sharewise-reporting', { when: Date.now() + 60_000 });
    const restarted = vi.fn();
    const off = onFreshStart(restarted);
    onTestFinished(off);

    expect(await deliver(envelope('ui:deleteShare', { id: 'a' }), OPTIONS)).toEqual({ ok: true, deleted: true });
    expect(await deliver(envelope('ui:deleteShare', { id: 'a' }), OPTIONS)).toEqual({ ok: true, deleted: false });
    expect((await db.shares.toArray()).map((s) => s.id)).toEqual(['b']);

    expect(await deliver(envelope('ui:deleteAllData', { confirm: 'delete-everything' }), OPTIONS)).toEqual({
      ok: true,
    });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    const local = await fakeBrowser.storage.local.get(null);
    // The settings of a fresh install, and the popup's snapshot rebuilt from the now empty data.
    expect(Object.keys(local).sort()).toEqual(['popupSnapshot', 'settings']);
    expect(local.popupSnapshot).toMatchObject({
      anyEver: false,
      shared: {},
      summary: { totals: [], posts: [] },
      feed: null,
    });
    const settings = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, installId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/) });
    expect(settings.installId).not.toBe('old-install-1');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(restarted).toHaveBeenCalledTimes(1);
  });

  it('a settings change under way when "Delete everything" starts does not write the deleted settings back', async () => {
    setupMyData();
    await getDb().shares.add(share('a'));
    await updateSettings(() => ({
      ...DEFAULT_SETTINGS,
      installId: 'old-install-1',
      reporting: { ...DEFAULT_SETTINGS.reporting, name: 'Ada', email: 'ada@example.com' },
    }));
    // The change has read the stored settings (name and email included) but not yet written: its read is
    // held until the deletion asks to empty storage (old code: storage.local.clear; the queue: the
    // database is empty and the deletion waits for the change).
    let release!: () => void;
    const held = new Promise<void>((go) => (release = go));
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(async (keys) => {
      const stored = await get(keys as string);
      await held;
      return stored;
    });
    const clear = fakeBrowser.storage.local.clear.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockImplementation(() => {
      release();
      return clear();
    });
    const change = updateSettings((s) => ({ ...s, keepText: false }));
    const deleted = deliver(envelope('ui:deleteAllData', { confirm: 'delete-everything' }), OPTIONS);
    await vi.waitFor(async () => expect(await getDb().shares.count()).toBe(0));
    release();

    expect(await deleted).toEqual({ ok: true });
    await change;
    const settings = await loadSettings();
    expect(settings.reporting).toMatchObject({ name: '', email: '' });
    expect(settings.installId).not.toBe('old-install-1');
    // Deleted after the change was stored: the change goes with everything else.
    expect(settings.keepText).toBe(DEFAULT_SETTINGS.keepText);
  });

  it.each([
    ['delete one from a web page', envelope('ui:deleteShare', { id: 'a' }), WEB_PAGE],
    ['delete all from a web page', envelope('ui:deleteAllData', { confirm: 'delete-everything' }), WEB_PAGE],
    ['delete all without the confirmation', envelope('ui:deleteAllData', {}), OPTIONS],
    ['an import from a web page', envelope('ui:importShares', { shares: [share('z')] }), WEB_PAGE],
  ])('rejects %s and changes nothing', async (_, message, sender) => {
    setupMyData();
    await getDb().shares.add(share('a'));
    expect(await deliver(message, sender)).toEqual({ rejected: expect.any(String) });
    expect((await getDb().shares.toArray()).map((s) => s.id)).toEqual(['a']);
  });
});

describe('welcome on install', () => {
  it('assigns an install id and opens the welcome page on install only', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    setupWelcome();
    // The trigger awaits the background's listener.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0]?.[0]).toEqual({ url: `${origin}welcome.html` });
    const id = (await loadSettings()).installId;
    expect(id).toMatch(/^[A-Za-z0-9-]{8,64}$/);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.1' });
    expect(created).toHaveBeenCalledTimes(1);
    expect((await loadSettings()).installId).toBe(id);
  });
});

describe('reminders (background)', () => {
  const feed = (ids: string[]) => ({
    key: 'current' as const,
    source: 'demo',
    fetchedAt: 1,
    feed: { posts: ids.map((id) => ({ id, title: `Title ${id}` })) } as never,
  });
  const wed10 = new Date(2026, 10, 25, 10).getTime();

  it('notify about new approved posts only when the employee turned them on', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => 'New posts to share');
    const db = getDb();
    await db.feedCache.put(feed(['a']));
    expect(await checkForNewPosts(db, wed10)).toEqual([]);
    await db.feedCache.put(feed(['a', 'b']));
    expect(await checkForNewPosts(db, wed10)).toEqual([]); // off by default
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, enabled: true } }));
    await db.feedCache.put(feed(['a', 'b', 'c']));
    expect(await checkForNewPosts(db, wed10)).toEqual(['c']);
    expect(created).toHaveBeenCalledTimes(1);
    const options = (created.mock.calls[0] as unknown[])[1] as { message: string; title: string };
    expect(options.message).toBe('Title c');
    expect(`${options.title} ${options.message}`).not.toMatch(/point|streak/i);
  });

  it('do not treat the first feed as new when the background started before any feed was stored', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => 'New posts to share');
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, enabled: true } }));
    const db = getDb();
    expect(await checkForNewPosts(db, wed10)).toEqual([]);
    await db.feedCache.put(feed(['a', 'b']));
    expect(await checkForNewPosts(db, wed10)).toEqual([]);
    await db.feedCache.put(feed(['a', 'b', 'c']));
    expect(await checkForNewPosts(db, wed10)).toEqual(['c']);
  });

  it('a click opens the popup, or popup.html in a tab where the popup cannot be opened', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    (fakeBrowser as { action?: unknown }).action = { openPopup: () => Promise.reject(new Error('no window')) };
    await openPopupFromNotification();
    expect(created).toHaveBeenCalledWith({ url: `${origin}popup.html` });
    const openPopup = vi.fn(() => Promise.resolve());
    (fakeBrowser as { action?: unknown }).action = { openPopup };
    await openPopupFromNotification();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledTimes(1);
  });
});

describe('managed policy', () => {
  it('can set where reports go but never switch a reporting field on', () => {
    const { config } = parseManaged({
      reportEndpoint: 'https://acme.example/reports',
      reporting: { enabled: true, fields: { totalShares: true } },
      totalShares: true,
      identity: 'named',
    });
    expect(config).toEqual({ reportEndpoint: 'https://acme.example/reports' });
  });
});

describe('forgetting kept text', () => {
  it('removes the text of past shares and nothing else, for extension pages only', async () => {
    setupMyData();
    await getDb().shares.bulkAdd([share('a', { text: 'secret' }), share('b')]);
    expect(await deliver(envelope('ui:forgetTexts', {}), WEB_PAGE)).toEqual({ rejected: expect.any(String) });
    expect((await getDb().shares.get('a'))?.text).toBe('secret');
    expect(await deliver(envelope('ui:forgetTexts', {}), OPTIONS)).toEqual({ ok: true, changed: 1 });
    expect(await getDb().shares.toArray()).toEqual([share('a'), share('b')]);
  });
});

describe('forgetting kept text and links', () => {
  it("keeps only the approved post's normalised link of each share", async () => {
    setupMyData();
    await getDb().feedCache.put({ key: 'current', feed: demoFeed(), source: 'demo', fetchedAt: 1 });
    await getDb().shares.bulkAdd([
      share('a', {
        postId: 'p-2026-11-r7-launch',
        text: 'R7 https://kestrel-robotics.example/r7?utm_source=x https://my-blog.example/x',
        urls: ['https://kestrel-robotics.example/r7?utm_source=x', 'https://my-blog.example/x'],
      }),
      share('b', { urls: ['https://my-blog.example/private'] }),
      share('c', { postId: 'p-2026-11-energy', urls: ['https://elsewhere.example/'] }),
      share('d'),
    ]);
    expect(await deliver(envelope('ui:forgetTexts', {}), OPTIONS)).toEqual({ ok: true, changed: 3 });
    expect((await getDb().shares.toArray()).map((s) => [s.id, s.urls, 'text' in s])).toEqual([
      ['a', ['kestrel-robotics.example/r7'], false],
      ['b', [], false],
      ['c', [], false],
      ['d', [], false],
    ]);
  });
});

describe('managed policy loading', () => {
  it('treats a browser that throws (Firefox without a policy) as no policy', async () => {
    const { loadManaged } = await import('../../components/privacy/managed');
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await loadManaged()).toEqual({ config: {}, problems: [] });
  });
});
