import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupBadge } from '../../lib/background/badge';
import { setupFeed } from '../../lib/background/feed';
import { importShares, setupMyData } from '../../lib/background/my-data';
import { getSignalHub } from '../../lib/background/requests';
import { setupMessageRouter } from '../../lib/background/router';
import { refreshSnapshot, resetSnapshotMemory, setupSnapshot } from '../../lib/background/snapshot';
import { getDb } from '../../lib/db';
import type { Feed } from '../../lib/feed/schema';
import { computeProgressFromDays } from '../../lib/progress';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import type { Share } from '../../lib/shares';
import { readPopupData } from '../../lib/ui/popup-data';
import { buildSnapshot, popupView, readSnapshot, SNAPSHOT_KEY, type PopupSnapshot } from '../../lib/ui/snapshot';
import { deliver, envelope, useBackground } from './helpers/messaging';

const demo = () => Promise.resolve(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
const origin = fakeBrowser.runtime.getURL('/');
const OPTIONS = { id: fakeBrowser.runtime.id, url: `${origin}options.html` };
const POPUP = { id: fakeBrowser.runtime.id, url: `${origin}popup.html` };
const stored = async () => readSnapshot((await fakeBrowser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]);
const share = (id: string, over: Partial<Share> = {}): Share => ({
  id,
  at: Date.now(),
  network: 'x',
  kind: 'post',
  postId: null,
  surface: 'composer',
  urls: [],
  ...over,
});
/** Waits for the background's next snapshot write (storage.local.onChanged), or gives up after `ms`. */
const nextWrite = (ms = 2000) =>
  new Promise<PopupSnapshot | null>((ok) => {
    const timer = setTimeout(() => ok(null), ms);
    const on = (changes: Record<string, { newValue?: unknown }>) => {
      if (!(SNAPSHOT_KEY in changes)) return;
      clearTimeout(timer);
      fakeBrowser.storage.local.onChanged.removeListener(on);
      ok(readSnapshot(changes[SNAPSHOT_KEY]!.newValue));
    };
    fakeBrowser.storage.local.onChanged.addListener(on);
  });

useBackground();
beforeEach(() => resetSnapshotMemory());

describe('the popup snapshot (pure)', () => {
  const NOW = new Date(2026, 10, 25, 12).getTime();
  const feed = {
    company: { name: 'Acme' },
    vision: { headline: 'H', measures: [] },
    program: { name: 'Q4', period: 'month', threshold: 100, points: { linkedin: 10, x: 5, ownContent: 2 } },
    posts: [
      {
        id: 'live',
        title: 'Live',
        text: 't',
        url: 'https://acme.example/a',
        hashtags: [],
        networks: ['x', 'linkedin'],
        variants: [],
        publishedAt: '2026-11-20',
      },
      {
        id: 'ends-today',
        title: 'Ends',
        text: 't',
        url: 'https://acme.example/b',
        hashtags: [],
        networks: ['x'],
        variants: [],
        publishedAt: '2026-11-21',
        expiresAt: '2026-11-25',
      },
    ],
  } as unknown as Feed;

  it('survives storage (JSON) and gives the popup what the database read gives', async () => {
    const db = getDb();
    await db.feedCache.put({ key: 'current', feed, source: 'demo', fetchedAt: NOW, etag: '"e1"' });
    await importShares(db, [
      share('a', { at: NOW - 3600_000, postId: 'live', network: 'linkedin' }),
      share('b', { at: NOW - 86400_000 * 40, postId: 'ends-today' }),
    ]);
    const data = await readPopupData(db, NOW);
    const snap = JSON.parse(JSON.stringify(buildSnapshot(data, DEFAULT_SETTINGS, null))) as PopupSnapshot;
    expect(readSnapshot(snap)).toEqual(snap);
    // The cache key and ETag are the background's business, not the popup's.
    expect(snap.feed).not.toHaveProperty('etag');
    const view = popupView(snap, NOW);
    expect(view.posts).toEqual(data.posts);
    expect(view.shared).toEqual(data.shared);
    expect(view.anyEver).toBe(true);
    expect(computeProgressFromDays(view.progress.totals, view.progress.posts, feed.program, NOW)).toEqual(
      computeProgressFromDays(data.progress.totals, data.progress.posts, feed.program, NOW),
    );
    // Opened the next day, without any write since: the expired post is gone, its "shared" kept for the record.
    const tomorrow = popupView(snap, new Date(2026, 10, 26, 9).getTime());
    expect(tomorrow.posts.map((p) => p.id)).toEqual(['live']);
    expect(tomorrow.shared.get('ends-today')).toEqual(new Set(['x']));
  });

  it('decides at opening whether a pause is still on', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      tracking: { ...DEFAULT_SETTINGS.tracking, paused: true, pausedUntil: NOW + 1000 },
    };
    const snap = buildSnapshot(
      { row: undefined, posts: [], shared: new Map(), progress: { totals: [], posts: [] }, anyEver: false },
      settings,
      null,
    );
    expect(popupView(snap, NOW).tracking).toEqual({ state: 'paused', until: NOW + 1000 });
    expect(popupView(snap, NOW + 1000).tracking).toEqual({ state: 'on' });
  });

  it('ignores what it cannot read', () => {
    expect(readSnapshot(undefined)).toBeNull();
    expect(readSnapshot({ v: 99 })).toBeNull();
    expect(readSnapshot('x')).toBeNull();
  });
});

describe('the background keeps the popup snapshot current', () => {
  it('after the first feed is stored on install', async () => {
    setupSnapshot();
    setupFeed(demo);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const snap = await stored();
    expect(snap?.feed?.feed?.company.name).toBe('Kestrel Robotics (demo)');
    expect(snap?.feed?.source).toBe('demo');
  });

  it('after a share is logged, imported or deleted, and after "Delete everything"', async () => {
    setupMessageRouter();
    setupMyData();
    await refreshSnapshot();
    expect((await stored())?.anyEver).toBe(false);

    // X counts a post from the page's notice together with its CreateTweet request (lib/background/signals.ts).
    const hub = getSignalHub();
    await hub.requestStarted('create-1', 3, {
      network: 'x',
      endpoint: 'x-graphql',
      operation: 'CreateTweet',
      kind: 'post',
      text: 'hello',
    });
    await hub.requestEnded('create-1', true);
    const logged = await deliver(
      envelope('cs:shareDetected', {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: 'hello',
        submissionId: 'abcdef12-3456',
        confirmedBy: 'notice',
      }),
      { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } },
    );
    expect(logged).toMatchObject({ logged: true });
    let snap = await stored();
    expect(snap?.anyEver).toBe(true);
    expect(snap?.summary.totals.reduce((n, t) => n + t.count, 0)).toBe(1);

    await deliver(envelope('ui:importShares', { shares: [share('imported-1'), share('imported-2')] }), OPTIONS);
    expect((await stored())?.summary.totals.reduce((n, t) => n + t.count, 0)).toBe(3);

    await deliver(envelope('ui:deleteShare', { id: 'imported-1' }), OPTIONS);
    expect((await stored())?.summary.totals.reduce((n, t) => n + t.count, 0)).toBe(2);

    await deliver(envelope('ui:deleteAllData', { confirm: 'delete-everything' }), OPTIONS);
    snap = await stored();
    expect(snap?.anyEver).toBe(false);
    expect(snap?.summary.totals).toEqual([]);
  });

  it('after settings or the storage problem change', async () => {
    setupSnapshot();
    await refreshSnapshot();
    let written = nextWrite();
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_SETTINGS.tracking, paused: true } },
    });
    expect((await written)?.tracking.paused).toBe(true);

    written = nextWrite();
    await fakeBrowser.storage.local.set({ storageProblem: { message: 'QuotaExceededError: full', since: 5 } });
    expect((await written)?.problem).toEqual({ message: 'QuotaExceededError: full', since: 5 });

    written = nextWrite();
    await fakeBrowser.storage.local.remove('storageProblem');
    expect((await written)?.problem).toBeNull();
  });

  it('does not write an unchanged snapshot again', async () => {
    await refreshSnapshot();
    const written = nextWrite(300);
    await refreshSnapshot();
    expect(await written).toBeNull();
  });

  it('says so when the database cannot be read, when the popup is opened', async () => {
    setupBadge({ setText: async () => undefined });
    await refreshSnapshot();
    expect((await stored())?.dbError).toBeNull();
    // A closed database fails every read, as one the browser cannot open does.
    getDb().close();
    const written = nextWrite();
    await deliver(envelope('ui:popupOpened', {}), POPUP).catch(() => undefined);
    const snap = await written;
    expect(snap?.dbError).toContain('DatabaseClosedError');
  });
});
