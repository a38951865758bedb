import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Answer, MessageName, PayloadIn } from './messages';

export type ShareLogResult = { logged: true; id: string } | { logged: false; reason: string };
export type Rejected = { rejected: string };
/** A claimed share (popup, "Shared it but it isn't counted?"): logged, or why not. */
export type ClaimResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'empty' | 'not-a-link' | 'not-a-post' | 'already-logged' | 'unknown-post' };

/**
 * The one message protocol, derived from the declarations in lib/messaging/messages.ts. Names say
 * the direction: `cs:` content script → background, `ui:` extension page (popup, options, welcome)
 * → background. Any message may be answered `Rejected` (invalid payload or sender).
 */
export type ProtocolMap = { [K in MessageName]: (data: PayloadIn<K>) => Answer<K> | Rejected };

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
