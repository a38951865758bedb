import { z } from 'zod';
import type { NetworkSchema } from '../shares';

/** Hosts whose content scripts may report shares, per network. */
const SHARE_HOSTS: Record<z.infer<typeof NetworkSchema>, string[]> = {
  x: ['x.com', 'twitter.com'],
  linkedin: ['www.linkedin.com'],
};

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

/** A share report must come from our own content script in a tab of that network's site. */
export function isContentSenderFor(
  network: z.infer<typeof NetworkSchema>,
  sender: SenderInfo,
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || !sender.tab) return false;
  const host = hostOf(sender.url ?? sender.tab.url);
  return host !== null && SHARE_HOSTS[network].includes(host);
}

/** UI messages must come from one of our own extension pages, never from a web page's content script. */
export function isExtensionPageSender(sender: SenderInfo, extensionOrigin: string): boolean {
  if (!sender.url) return false;
  return sender.url.startsWith(extensionOrigin);
}

export type Validated<T> = { ok: true; data: T } | { ok: false; error: string };

export function validate<T>(schema: z.ZodType<T>, data: unknown): Validated<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    error: `invalid message: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown'}`,
  };
}
