import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, SharewiseDB } from '../../lib/db';

const name = 'sharewise-upgrade-test';
afterEach(() => Dexie.delete(name));

describe('database upgrade', () => {
  it('keeps rows written by version 1 and makes them reachable through the version 2 indexes', async () => {
    // Write exactly as the version 1 schema did.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[1]);
    await v1.table('shares').bulkAdd([
      { id: 'a', at: 1000, network: 'x', kind: 'post', postId: null, surface: 'composer', urls: [], text: 'hello' },
      { id: 'b', at: 2000, network: 'linkedin', kind: 'repost', postId: 'p1', surface: 'composer', urls: [] },
    ]);
    v1.close();

    const db = new SharewiseDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.shares.count()).toBe(2);
    expect(await db.shares.get('a')).toMatchObject({ text: 'hello', network: 'x' });
    const linkedin = await db.shares.where('[network+at]').between(['linkedin', 0], ['linkedin', Infinity]).toArray();
    expect(linkedin.map((s) => s.id)).toEqual(['b']);
    expect(await db.shares.where('postId').equals('p1').count()).toBe(1);
    expect(await db.feedCache.count()).toBe(0);
    db.close();
  });

  it('builds the daily summary from the shares written by version 3', async () => {
    // Write exactly as the version 3 schema did (versions are cumulative in Dexie).
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_VERSIONS[1]);
    v3.version(2).stores(SCHEMA_VERSIONS[2]);
    v3.version(3).stores(SCHEMA_VERSIONS[3]);
    const at = (d: number, h: number) => new Date(2026, 10, d, h).getTime(); // local time, like the summary
    await v3.table('shares').bulkAdd([
      { id: 'a', at: at(20, 9), network: 'x', kind: 'post', postId: null, surface: 'composer', urls: [] },
      { id: 'b', at: at(20, 23), network: 'x', kind: 'post', postId: null, surface: 'composer', urls: [] },
      { id: 'c', at: at(20, 10), network: 'linkedin', kind: 'repost', postId: 'p1', surface: 'intent', urls: [] },
      { id: 'd', at: at(21, 0), network: 'linkedin', kind: 'post', postId: 'p1', surface: 'intent', urls: [] },
      { id: 'e', at: at(21, 8), network: 'x', kind: 'quote', postId: 'p1', surface: 'composer', urls: [] },
    ]);
    await v3.table('outbox').add({ key: 'k', endpoint: 'https://r.example', nextAttemptAt: 1 });
    v3.close();

    const db = new SharewiseDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.shares.count()).toBe(5);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.dailyStats.toArray()).toEqual([
      { day: '2026-11-20', network: 'linkedin', postKey: 'p1', count: 1 },
      { day: '2026-11-20', network: 'x', postKey: '', count: 2 },
      { day: '2026-11-21', network: 'linkedin', postKey: 'p1', count: 1 },
      { day: '2026-11-21', network: 'x', postKey: 'p1', count: 1 },
    ]);
    expect(await db.dailyStats.where('day').aboveOrEqual('2026-11-21').count()).toBe(2);
    expect(await db.dailyStats.where('[postKey+network]').equals(['p1', 'linkedin']).count()).toBe(2);
    expect(await db.dayTotals.toArray()).toEqual([
      { day: '2026-11-20', network: 'linkedin', count: 1 },
      { day: '2026-11-20', network: 'x', count: 2 },
      { day: '2026-11-21', network: 'linkedin', count: 1 },
      { day: '2026-11-21', network: 'x', count: 1 },
    ]);
    // 20 and 21 Nov 2026 are a Friday and a Saturday: one week (Monday the 16th), one month.
    expect(await db.periodPosts.toArray()).toEqual([
      { period: 'm2026-11', network: 'linkedin', postKey: 'p1', count: 2 },
      { period: 'm2026-11', network: 'x', postKey: '', count: 2 },
      { period: 'm2026-11', network: 'x', postKey: 'p1', count: 1 },
      { period: 'w2026-11-16', network: 'linkedin', postKey: 'p1', count: 2 },
      { period: 'w2026-11-16', network: 'x', postKey: '', count: 2 },
      { period: 'w2026-11-16', network: 'x', postKey: 'p1', count: 1 },
    ]);
    db.close();
  });

  it('marks the shares written by version 4 as seen by the page, and finds shares by permalink', async () => {
    // Write exactly as the version 4 schema did.
    const v4 = new Dexie(name);
    for (const v of [1, 2, 3, 4] as const) v4.version(v).stores(SCHEMA_VERSIONS[v]);
    await v4.table('shares').bulkAdd([
      { id: 'a', at: 1, network: 'x', kind: 'post', postId: null, surface: 'composer', urls: [], text: 'hi' },
      { id: 'b', at: 2, network: 'linkedin', kind: 'repost', postId: 'p1', surface: 'intent', urls: [] },
    ]);
    await v4.table('dayTotals').add({ day: '1970-01-01', network: 'x', count: 1 });
    v4.close();

    const db = new SharewiseDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.shares.toArray()).toEqual([
      {
        id: 'a',
        at: 1,
        network: 'x',
        kind: 'post',
        postId: null,
        surface: 'composer',
        urls: [],
        text: 'hi',
        signals: ['page'],
      },
      {
        id: 'b',
        at: 2,
        network: 'linkedin',
        kind: 'repost',
        postId: 'p1',
        surface: 'intent',
        urls: [],
        signals: ['page'],
      },
    ]);
    // The summary is left as it was: the upgrade changes no counts.
    expect(await db.dayTotals.toArray()).toEqual([{ day: '1970-01-01', network: 'x', count: 1 }]);
    const link = 'https://x.com/i/web/status/1860000000000000001';
    await db.shares.add({
      id: 'c',
      at: 3,
      network: 'x',
      kind: 'post',
      postId: null,
      surface: 'manual',
      urls: [],
      permalink: link,
      signals: [],
    });
    expect((await db.shares.where('permalink').equals(link).toArray()).map((s) => s.id)).toEqual(['c']);
    db.close();
  });
});
