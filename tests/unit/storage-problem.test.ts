import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessageRouter } from '../../lib/background/router';
import { getDb } from '../../lib/db';
import { readStorageProblem, STORAGE_PROBLEM_KEY } from '../../lib/storage-problem';
import { deliverRaw, envelope, seeCreateRequest, useBackground } from './helpers/messaging';

const sender = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };
const share = (submissionId: string) =>
  envelope('cs:shareDetected', {
    network: 'x',
    kind: 'post',
    surface: 'composer',
    text: 'hello',
    submissionId,
    confirmedBy: 'notice',
  });
const deliver = (message: unknown) => deliverRaw(message, sender);
const stored = async () =>
  readStorageProblem((await fakeBrowser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY]);

useBackground();

describe('a share the browser refuses to store', () => {
  it('is reported to the popup (what and since when), answered as an error so the content script resends, and cleared by the next stored share', async () => {
    setupMessageRouter();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    // The share log writes through bulkAdd (lib/shares-repo.ts).
    const add = vi.spyOn(getDb().shares, 'bulkAdd').mockRejectedValue(quota);
    // One post on X (its create request answered), whose write storage refuses until there is room.
    seeCreateRequest(3);

    expect((await deliver(share('submission-0001'))).err).toBeTruthy();
    const first = await stored();
    expect(first).toEqual({ message: 'QuotaExceededError: The quota has been exceeded.', since: expect.any(Number) });
    expect(await getDb().shares.count()).toBe(0);

    // Still failing: the problem keeps the time it started.
    await deliver(share('submission-0002'));
    expect((await stored())?.since).toBe(first!.since);

    // Room again: the resent share is stored once and the notice goes away.
    add.mockRestore();
    expect((await deliver(share('submission-0002'))).res).toMatchObject({ logged: true });
    expect(await getDb().shares.count()).toBe(1);
    expect(await stored()).toBeNull();
  });

  it('reads anything malformed in storage as no problem', () => {
    expect(readStorageProblem({ message: 1, since: 'x' })).toBeNull();
    expect(readStorageProblem(undefined)).toBeNull();
    expect(readStorageProblem({ message: 'm', since: 5 })).toEqual({ message: 'm', since: 5 });
  });
});
