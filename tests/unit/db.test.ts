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
    expect(db.verno).toBe(3);
    expect(await db.shares.count()).toBe(2);
    expect(await db.shares.get('a')).toMatchObject({ text: 'hello', network: 'x' });
    const linkedin = await db.shares.where('[network+at]').between(['linkedin', 0], ['linkedin', Infinity]).toArray();
    expect(linkedin.map((s) => s.id)).toEqual(['b']);
    expect(await db.shares.where('postId').equals('p1').count()).toBe(1);
    expect(await db.feedCache.count()).toBe(0);
    db.close();
  });
});
