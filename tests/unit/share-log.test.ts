import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPageSignal,
  logDetectedShare,
  logShare,
  type ShareInput,
  type ShareLogContext,
} from '../../lib/background/share-log';
import type { SharewiseDB } from '../../lib/db';
import type { DetectedShare } from '../../lib/detect/types';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { demoFeed } from './helpers/demo-feed';
import { emptyDb } from './helpers/db';

const posts = demoFeed().posts;

let db: SharewiseDB;
let n = 0;
const ctx = (over: Partial<ShareLogContext> = {}): ShareLogContext => ({
  settings: DEFAULT_SETTINGS,
  posts,
  now: Date.UTC(2026, 10, 25, 10),
  newId: () => `share-${++n}`,
  ...over,
});
const share = (over: Partial<DetectedShare> = {}): DetectedShare => ({
  network: 'x',
  kind: 'post',
  surface: 'composer',
  text: 'Just my own thoughts today',
  submissionId: `submission-${++n}`,
  confirmedBy: 'notice',
  ...over,
});

beforeEach(async () => {
  db = await emptyDb();
});

describe('logDetectedShare', () => {
  it('logs own content with postId null and keeps the text by default', async () => {
    const result = await logDetectedShare(db, share(), ctx());
    expect(result.logged).toBe(true);
    const rows = await db.shares.toArray();
    expect(rows).toEqual([
      {
        id: expect.any(String),
        at: Date.UTC(2026, 10, 25, 10),
        network: 'x',
        kind: 'post',
        postId: null,
        surface: 'composer',
        urls: [],
        text: 'Just my own thoughts today',
        signals: ['page'],
      },
    ]);
  });

  it('attributes a share whose text links to an approved post, whatever the tracking parameters', async () => {
    await logDetectedShare(
      db,
      share({ text: 'Look: http://www.kestrel-robotics.example/r7/?utm_source=x&utm_campaign=y' }),
      ctx(),
    );
    const [row] = await db.shares.toArray();
    expect(row?.postId).toBe('p-2026-11-r7-launch');
    expect(row?.urls).toEqual(['http://www.kestrel-robotics.example/r7/?utm_source=x&utm_campaign=y']);
  });

  it('logs a retried submission once', async () => {
    const s = share();
    expect((await logDetectedShare(db, s, ctx())).logged).toBe(true);
    expect(await logDetectedShare(db, { ...s, confirmedBy: 'composer-closed' }, ctx())).toEqual({
      logged: false,
      reason: 'already logged',
    });
    expect(await db.shares.count()).toBe(1);
  });

  it('logs nothing while tracking is paused or the network is off', async () => {
    const paused = { ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_SETTINGS.tracking, paused: true } };
    expect((await logDetectedShare(db, share(), ctx({ settings: paused }))).logged).toBe(false);
    const xOff = {
      ...DEFAULT_SETTINGS,
      tracking: { ...DEFAULT_SETTINGS.tracking, networks: { linkedin: true, x: false } },
    };
    expect((await logDetectedShare(db, share(), ctx({ settings: xOff }))).logged).toBe(false);
    expect(await db.shares.count()).toBe(0);
  });

  it('stores no text when the employee chose not to keep it', async () => {
    await logDetectedShare(db, share(), ctx({ settings: { ...DEFAULT_SETTINGS, keepText: false } }));
    const [row] = await db.shares.toArray();
    expect(row).not.toHaveProperty('text');
  });

  it("with text off keeps no links but the approved post's normalised link that matched", async () => {
    const off = ctx({ settings: { ...DEFAULT_SETTINGS, keepText: false } });
    await logDetectedShare(
      db,
      share({ text: 'See https://www.kestrel-robotics.example/r7/?utm_source=x and https://my-blog.example/private' }),
      off,
    );
    await logDetectedShare(db, share({ text: 'Only mine: https://my-blog.example/diary www.other.example/x' }), off);
    await db.intents.add({ at: off.now - 1000, network: 'x', postId: 'p-2026-11-energy' });
    await logDetectedShare(db, share({ text: 'Shared from the popup https://my-blog.example/also' }), off);
    const rows = (await db.shares.toArray()).sort((a, b) => Number(a.id.split('-')[1]) - Number(b.id.split('-')[1]));
    expect(rows.map((r) => [r.postId, r.urls, 'text' in r])).toEqual([
      ['p-2026-11-r7-launch', ['kestrel-robotics.example/r7'], false],
      [null, [], false],
      ['p-2026-11-energy', [], false],
    ]);
  });

  it('credits a one-click share to its pending intent, once', async () => {
    const now = Date.UTC(2026, 10, 25, 10);
    await db.intents.add({ at: now - 60_000, network: 'x', postId: 'p-2026-11-logimat-talk' });
    await logDetectedShare(db, share({ surface: 'intent', text: 'Edited wording without the link' }), ctx({ now }));
    await logDetectedShare(db, share(), ctx({ now: now + 1000 }));
    const rows = await db.shares.orderBy('at').toArray();
    expect(rows.map((r) => r.postId)).toEqual(['p-2026-11-logimat-talk', null]);
    expect(await db.intents.count()).toBe(0);
  });

  it('ignores an intent for the other network or one that is too old', async () => {
    const now = Date.UTC(2026, 10, 25, 10);
    await db.intents.bulkAdd([
      { at: now - 60_000, network: 'linkedin', postId: 'p-2026-11-hiring-firmware' },
      { at: now - 60 * 60_000, network: 'x', postId: 'p-2026-11-logimat-talk' },
    ]);
    await logDetectedShare(db, share(), ctx({ now }));
    expect((await db.shares.toArray())[0]?.postId).toBeNull();
  });
});

describe('logDetectedShare for detected reposts and quotes', () => {
  it('logs an instant repost with no text and no links, confirmed by the repost control', async () => {
    await logDetectedShare(db, share({ kind: 'repost', text: '', confirmedBy: 'reposted' }), ctx());
    const [row] = await db.shares.toArray();
    expect(row).toEqual(expect.objectContaining({ kind: 'repost', postId: null, urls: [] }));
    expect(row).not.toHaveProperty('text');
  });

  it('a link to an approved post wins over a pending intent, which stays for its own share', async () => {
    const now = Date.UTC(2026, 10, 25, 10);
    await db.intents.add({ at: now - 60_000, network: 'linkedin', postId: 'p-2026-11-logimat-talk' });
    await logDetectedShare(
      db,
      share({ network: 'linkedin', kind: 'quote', text: 'See https://kestrel-robotics.example/r7' }),
      ctx({ now }),
    );
    expect((await db.shares.toArray())[0]?.postId).toBe('p-2026-11-r7-launch');
    expect(await db.intents.count()).toBe(1);
  });

  it('settings apply at once: turning a network off between two shares stops the second', async () => {
    const liOff = {
      ...DEFAULT_SETTINGS,
      tracking: { ...DEFAULT_SETTINGS.tracking, networks: { linkedin: false, x: true } },
    };
    expect((await logDetectedShare(db, share({ network: 'linkedin' }), ctx())).logged).toBe(true);
    expect((await logDetectedShare(db, share({ network: 'linkedin' }), ctx({ settings: liOff }))).logged).toBe(false);
    expect((await logDetectedShare(db, share({ network: 'x' }), ctx({ settings: liOff }))).logged).toBe(true);
    expect(await db.shares.count()).toBe(2);
  });
});

describe('logShare: permalinks, signals and the request signal merged later', () => {
  const link = 'https://x.com/i/web/status/1860000000000000001';
  const input = (over: Partial<ShareInput> = {}): ShareInput => ({
    network: 'x',
    kind: 'post',
    surface: 'composer',
    text: 'Mine',
    signals: ['page', 'request'],
    ...over,
  });

  it('keeps the permalink and the signals, and logs a second share with the same permalink not at all', async () => {
    expect((await logShare(db, input({ permalink: link, submissionId: 'sub-aaaa-0001' }), ctx())).logged).toBe(true);
    expect(await logShare(db, input({ permalink: link, submissionId: 'sub-aaaa-0002' }), ctx())).toEqual({
      logged: false,
      reason: 'already logged',
    });
    expect(await db.shares.toArray()).toEqual([
      expect.objectContaining({ permalink: link, signals: ['page', 'request'] }),
    ]);
  });

  it('adds a late page signal and its permalink to a share the request logged alone, and remembers its submission', async () => {
    const first = await logShare(db, input({ network: 'linkedin', signals: ['request'] }), ctx());
    if (!first.logged) throw new Error('not logged');
    const page = {
      submissionId: 'sub-bbbb-0001',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
    };
    expect(await addPageSignal(db, first.id, page, ctx().now)).toEqual({ logged: false, reason: 'already logged' });
    expect(await db.shares.get(first.id)).toMatchObject({ signals: ['request', 'page'], permalink: page.permalink });
    expect(await logDetectedShare(db, share({ network: 'linkedin', submissionId: page.submissionId }), ctx())).toEqual({
      logged: false,
      reason: 'already logged',
    });
    expect(await db.shares.count()).toBe(1);
  });

  it('a claim names its post itself and counts even while tracking is paused', async () => {
    const paused = { ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_SETTINGS.tracking, paused: true } };
    await db.intents.add({ at: ctx().now, network: 'x', postId: 'p-2026-11-r7-launch' });
    const result = await logShare(
      db,
      input({ surface: 'manual', text: '', signals: [], permalink: link, postId: null }),
      ctx({ settings: paused }),
    );
    expect(result.logged).toBe(true);
    expect(await db.shares.toArray()).toEqual([
      expect.objectContaining({ surface: 'manual', postId: null, signals: [], permalink: link }),
    ]);
    // The pending intent is left for the share it explains.
    expect(await db.intents.count()).toBe(1);
  });
});
