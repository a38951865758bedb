import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importShares } from '../../lib/background/my-data';
import { setupViewStamp, touchesView } from '../../lib/background/view-stamp';
import { getDb } from '../../lib/db';
import { VIEW_STAMP_KEY } from '../../lib/ui/last-view';

const stamp = async () => (await fakeBrowser.storage.local.get(VIEW_STAMP_KEY))[VIEW_STAMP_KEY] as string | undefined;
const share = (id: string) => ({ id, at: Date.now(), network: 'x' as const, kind: 'post' as const, postId: null, surface: 'composer' as const, urls: [] });

/** The parts Dexie reports for the next committed write (what the background's listener sees). */
function nextParts(): Promise<Record<string, unknown>> {
  return new Promise((ok) => {
    const once = (parts: Record<string, unknown>) => {
      Dexie.on('storagemutated').unsubscribe(once);
      ok(parts);
    };
    Dexie.on('storagemutated', once);
  });
}

describe('the view stamp (when the popup last view stops holding)', () => {
  it('counts writes to what the popup shows, and not to what it does not', async () => {
    const db = getDb();
    let parts = nextParts();
    await importShares(db, [share('a')]);
    expect(touchesView(await parts)).toBe(true);

    parts = nextParts();
    await db.feedCache.put({ key: 'current', feed: null, source: 'demo', fetchedAt: 1 });
    expect(touchesView(await parts)).toBe(true);

    parts = nextParts();
    await db.intents.add({ at: 1, network: 'x', postId: 'p' });
    expect(touchesView(await parts)).toBe(false);

    parts = nextParts();
    await db.seen.put({ key: 'k', at: 1 });
    expect(touchesView(await parts)).toBe(false);
  });

  it('is renewed after a share is stored, and after the settings or a storage problem change', async () => {
    setupViewStamp();
    expect(await stamp()).toBeUndefined();
    await importShares(getDb(), [share('b')]);
    await vi.waitFor(async () => expect(await stamp()).toBeTypeOf('string'));
    const afterShare = await stamp();

    await fakeBrowser.storage.local.set({ settings: { schemaVersion: 1 } });
    await vi.waitFor(async () => expect(await stamp()).not.toBe(afterShare));
    const afterSettings = await stamp();

    await fakeBrowser.storage.local.set({ storageProblem: { message: 'QuotaExceededError', since: 1 } });
    await vi.waitFor(async () => expect(await stamp()).not.toBe(afterSettings));
  });
});
