import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetSignalHub } from '../../lib/background/requests';
import { setupMessageRouter } from '../../lib/background/router';
import { getDb } from '../../lib/db';
import type { DetectedShare } from '../../lib/detect/types';
import { messenger, sendMessage } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/send';
import { useEmptyDb } from './helpers/db';
import { seeCreateRequest } from './helpers/messaging';

const share: DetectedShare = {
  network: 'x',
  kind: 'post',
  surface: 'composer',
  text: 'hello from the tiny sender',
  submissionId: 'abcdef12-3456-7890',
  confirmedBy: 'notice',
};
const sender = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };

/** Routes runtime.sendMessage through the background's listeners, as the browser would, with `sender`. */
function wireToBackground() {
  const sent: unknown[] = [];
  const fn = (message: unknown) => {
    sent.push(message);
    return new Promise((resolve) => {
      void (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>)(
        message,
        sender,
        resolve,
      );
    });
  };
  // The library calls chrome.runtime.sendMessage(message, callback); the tiny sender awaits a promise.
  const both = (message: unknown, callback?: unknown) => {
    const reply = fn(message);
    if (typeof callback === 'function') void reply.then(callback as (r: unknown) => void);
    return reply;
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(both as never);
  // The fake browser always carries a lastError; the library would take it for a failed send.
  const runtime = new Proxy(fakeBrowser.runtime, {
    get: (t, k) => (k === 'lastError' ? undefined : Reflect.get(t, k)),
  });
  (globalThis as { chrome?: unknown }).chrome = { runtime };
  return sent;
}

beforeEach(() => resetSignalHub());
useEmptyDb();
afterEach(() => {
  messenger.removeAllListeners();
});

describe("the content scripts' tiny sender speaks the one protocol", () => {
  it('sends the same envelope as @webext-core/messaging', async () => {
    const sent = wireToBackground();
    setupMessageRouter();
    seeCreateRequest(3);
    seeCreateRequest(3);
    await sendMessage('cs:shareDetected', { ...share, submissionId: 'from-library-0001' });
    await sendToBackground('cs:shareDetected', share);
    const [library, tiny] = sent as Record<string, unknown>[];
    expect(Object.keys(tiny!).sort()).toEqual(Object.keys(library!).sort());
    expect(tiny).toEqual({
      id: expect.any(Number),
      type: 'cs:shareDetected',
      data: share,
      timestamp: expect.any(Number),
    });
  });

  it("gets the background handler's answer and the share is logged", async () => {
    wireToBackground();
    setupMessageRouter();
    seeCreateRequest(3);
    expect(await sendToBackground('cs:shareDetected', share)).toMatchObject({ logged: true });
    expect(await getDb().shares.count()).toBe(1);
    // Validation still happens at the background's door.
    expect(await sendToBackground('cs:shareDetected', { ...share, network: 'mastodon' } as never)).toMatchObject({
      rejected: expect.stringContaining('network'),
    });
  });

  it("throws the background's error, like the library, once it has no tries left", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ err: { message: 'boom' } } as never);
    await expect(sendToBackground('cs:shareDetected', share, 1)).rejects.toThrow('boom');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends again while the background is restarting, and the share is logged once', async () => {
    wireToBackground();
    setupMessageRouter();
    seeCreateRequest(3);
    // A stopping service worker: first no receiver, then a port closed without an answer; after that
    // the wired background answers again.
    const send = vi
      .mocked(fakeBrowser.runtime.sendMessage)
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce(undefined as never);
    // Real pauses (0.5 s, then 1 s): fake timers would also stall the in-memory IndexedDB.
    expect(await sendToBackground('cs:shareDetected', share)).toMatchObject({ logged: true });
    expect(send).toHaveBeenCalledTimes(3);
    expect(await getDb().shares.count()).toBe(1);
  });
});

describe('the background accepts every confirmation signal the watcher can name', () => {
  it.each(['notice', 'composer-closed', 'reposted', 'network'] as const)('%s', async (confirmedBy) => {
    const { DetectedShareSchema } = await import('../../lib/messaging/messages');
    const { validate } = await import('../../lib/messaging/validate');
    expect(validate(DetectedShareSchema, { ...share, confirmedBy }).ok).toBe(true);
  });
});
