import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

// Content scripts must stay under 3 KB gzip, and @webext-core/messaging (with its error
// serialiser) alone is bigger. This sender speaks exactly its wire format — the envelope
// {id, type, data, timestamp}, answered {res} or {err} — and is typed against the same
// ProtocolMap, so the background's onMessage handlers answer it unchanged: one protocol.
// The popup uses it too (only sends): ~1 KB gzip off its script budget.

let nextId = (Math.random() * 1e4) | 0; // a random start, as the library does

export async function sendToBackground<K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<ReturnType<ProtocolMap[K]>> {
  const reply = await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
  if (!reply || reply.err != null) throw Error(reply?.err?.message);
  return reply.res;
}
