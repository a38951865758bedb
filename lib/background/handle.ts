import type { z } from 'zod';
import { browser } from 'wxt/browser';
import { MESSAGES, type Answer, type MessageName, type Payload } from '../messaging/messages';
import { onMessage, type Rejected } from '../messaging/protocol';
import { isContentSenderFor, isExtensionPageSender, validate, type SenderInfo } from '../messaging/validate';

/**
 * Registers the background's handler of one message. Before it runs, the payload is validated
 * against the message's schema and the sender against who may send it (lib/messaging/messages.ts);
 * anything else is answered `{ rejected }` and changes nothing.
 */
export function handle<K extends MessageName>(
  name: K,
  handler: (
    data: Payload<K>,
    sender: SenderInfo & { tab?: { id?: number; url?: string } },
  ) => Promise<Answer<K> | Rejected>,
): void {
  const message = MESSAGES[name];
  // Registered through the typed messenger; the casts only bridge the mapped protocol type.
  (
    onMessage as (
      n: K,
      h: (m: { data: unknown; sender: SenderInfo & { tab?: { id?: number; url?: string } } }) => Promise<unknown>,
    ) => void
  )(name, async ({ data, sender }) => {
    const msg = validate(message.schema as z.ZodType, 'emptyIfAbsent' in message ? (data ?? {}) : data);
    if (!msg.ok) return { rejected: msg.error };
    if (message.from === 'content') {
      const { network } = msg.data as { network: 'linkedin' | 'x' };
      if (!isContentSenderFor(network, sender, browser.runtime.id))
        return { rejected: 'sender is not a content script on that network' };
    } else if (!isExtensionPageSender(sender, browser.runtime.getURL('/'))) {
      return { rejected: 'sender is not an extension page' };
    }
    return handler(msg.data as Payload<K>, sender);
  });
}
