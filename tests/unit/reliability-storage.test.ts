import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessageRouter } from '../../lib/background/router';
import { getDb } from '../../lib/db';
import { deliverRaw, seeCreateRequest, useBackground } from './helpers/messaging';

/**
 * Storage trouble in the background: a write that fails (quota exceeded) must not take the
 * background down or log half a share, and once space is back the next share is logged.
 */
const EXT = fakeBrowser.runtime.id;
const X_TAB = { id: EXT, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };

const share = (submissionId: string) => ({
  id: 1,
  type: 'cs:shareDetected',
  timestamp: Date.now(),
  data: { network: 'x', kind: 'post', surface: 'composer', text: 'hello', submissionId, confirmedBy: 'notice' },
});

useBackground();

describe('background under storage trouble', () => {
  it('answers a quota error as an error, writes nothing partial, and logs again once space is back', async () => {
    setupMessageRouter();
    const db = getDb();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    // The share log writes through bulkAdd (lib/shares-repo.ts).
    const add = vi.spyOn(db.shares, 'bulkAdd').mockRejectedValueOnce(quota);
    seeCreateRequest(3);

    const failed = await deliverRaw(share('quota-0001-aaaa'), X_TAB);
    expect(failed.err?.message ?? JSON.stringify(failed)).toMatch(/quota/i);
    // The transaction rolled back: no share, and no dedupe key that would swallow the retry.
    expect(await db.shares.count()).toBe(0);
    expect(await db.seen.count()).toBe(0);

    add.mockRestore();
    expect((await deliverRaw(share('quota-0001-aaaa'), X_TAB)).res).toMatchObject({ logged: true });
    seeCreateRequest(3);
    expect((await deliverRaw(share('quota-0002-bbbb'), X_TAB)).res).toMatchObject({ logged: true });
    expect(await db.shares.count()).toBe(2);
  });
});
