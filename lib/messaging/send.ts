import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

// Content scripts must stay under 3 KB gzip, and @webext-core/messaging (with its error
// serialiser) alone is bigger. This sender speaks exactly its wire format — the envelope
// {id, type, data, timestamp}, answered {res} or {err} — and is typed against the same
// ProtocolMap, so the background's onMessage handlers answer it unchanged: one protocol.
// The popup uses it too (only sends): ~1 KB gzip off its script budget.

let nextId = (Math.random() * 1e4) | 0; // a random start, as the library does

/**
 * Sends one message and returns the background's answer. A message sent while the service worker is
 * being stopped or restarted gets no answer (or an error); it is sent again with growing pauses, so a
 * detected share is not lost. Resending is safe: the background logs a submission id once.
 */
export async function sendToBackground<K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
  tries = 6,
): Promise<ReturnType<ProtocolMap[K]>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
      if (reply && reply.err == null) return reply.res;
      if (attempt >= tries) throw Error(reply?.err?.message);
    } catch (err) {
      if (attempt >= tries) throw err;
    }
    await new Promise((wake) => setTimeout(wake, 250 << attempt));
  }
}
