import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSignalHub, resetSignalHub } from '../../../lib/background/requests';
import type { CreateKind } from '../../../lib/detect/request';
import { messenger } from '../../../lib/messaging/protocol';
import { emptyDb } from './db';

export type Wire = { res?: unknown; err?: { name?: string; message?: string } };

/** The messaging library's envelope, as a sender puts it on the wire. */
export const envelope = (type: string, data: unknown) => ({ id: 1, type, data, timestamp: Date.now() });

/**
 * Delivers a raw message to the background's listeners the way the browser would, with `sender`,
 * and returns what goes back on the wire ({res} or {err}). The fake browser's types omit
 * sendResponse; the messaging library answers through it, as in Chrome.
 */
export function deliverRaw(message: unknown, sender: object): Promise<Wire> {
  return new Promise((resolve) => {
    void (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>)(message, sender, resolve);
  });
}

/** Like deliverRaw, but returns the handler's answer and fails the test if the handler threw. */
export async function deliver(message: unknown, sender: object): Promise<unknown> {
  const wire = await deliverRaw(message, sender);
  if (wire.err) throw new Error(`background threw: ${JSON.stringify(wire.err)}`);
  return wire.res;
}

/**
 * The background's test bed, for a test file that wires background modules: before each test the
 * fake browser stands in as `chrome` (@webext-core/messaging talks to `chrome.runtime`) and the
 * database is open and empty; after it, no message handler is left registered.
 */
export function useBackground(): void {
  beforeEach(async () => {
    (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
    resetSignalHub();
    await emptyDb();
  });
  afterEach(() => messenger.removeAllListeners());
}

let requestIds = 0;
/**
 * The site's create request of `tabId` went out and was answered 2xx, as webRequest reports it
 * (lib/background/requests.ts): the request signal an X share needs besides the page's.
 */
export function seeCreateRequest(tabId: number, kind: CreateKind = 'post', network: 'x' | 'linkedin' = 'x'): void {
  const id = `test-request-${++requestIds}`;
  void getSignalHub().requestStarted(
    id,
    tabId,
    network === 'x'
      ? { network, endpoint: 'x-graphql', operation: 'CreateTweet', kind, text: '' }
      : { network, endpoint: 'linkedin-norm-shares', operation: 'normShares', kind, text: '' },
  );
  void getSignalHub().requestEnded(id, true);
}
