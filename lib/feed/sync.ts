import { fetchWithDeadline, readCapped } from '../http';
import type { ManagedConfig } from '../managed';
import { invalidFeedMessage, parseFeedText } from './parse';
import type { Feed } from './schema';

/** Feeds larger than this are refused: a feed is a page of text, not a media library. */
export const MAX_FEED_BYTES = 1024 * 1024;
export const FEED_TIMEOUT_MS = 15_000;
/** Background refresh interval (alarm) and the age after which opening the popup refreshes. */
export const FEED_REFRESH_MINUTES = 6 * 60;
export const FEED_STALE_MS = 60 * 60 * 1000;

export type FeedSource = { kind: 'managed' | 'user'; url: string } | { kind: 'demo' };

/** Precedence: the admin's policy, then the employee's own setting, then the built-in demo. */
export function resolveFeedSource(managed: ManagedConfig, userFeedUrl: string | null): FeedSource {
  if (managed.feedUrl) return { kind: 'managed', url: managed.feedUrl };
  if (userFeedUrl) return { kind: 'user', url: userFeedUrl };
  return { kind: 'demo' };
}

export type FetchFeedResult =
  | { kind: 'updated'; feed: Feed; warnings: string[]; hash: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; message: string };

export interface FetchFeedOptions {
  /** SHA-256 (hex) of the feed body in use: the same body again is `not-modified`. */
  knownHash?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

/** SHA-256 of a feed body, hex: computed here, so the server cannot choose it (unlike an ETag). */
export async function bodyHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One GET of a feed, the same for every installation: no If-None-Match (a server could give each
 * install its own ETag and recognise it on every refresh), the browser's HTTP cache bypassed (it would
 * send that ETag itself), no cookies, no Referer. Whether the feed changed is decided by comparing a
 * hash of the body with the one in use (`knownHash`). Never throws: every way it can go wrong (unreachable, timeout,
 * HTTP error, too large, not JSON, invalid) is a `failed` result with a message an admin can act on.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  // credentials omitted: the feed is public to employees; no cookies of the company's site go along.
  const init: RequestInit = {
    headers: { accept: 'application/json' },
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
  };
  return fetchWithDeadline<FetchFeedResult>(
    { url, init, timeoutMs, fetch: options.fetch },
    async (res) => {
      if (res.status === 304)
        return { kind: 'failed', message: 'the feed server answered 304 to a request that was not conditional' };
      if (!res.ok) return { kind: 'failed', message: `the feed server answered HTTP ${res.status}` };
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => {});
        return { kind: 'failed', message: `the feed is too large (${declared} bytes, limit ${maxBytes})` };
      }
      const text = await readCapped(res, maxBytes);
      if (text === null) return { kind: 'failed', message: `the feed is too large (over ${maxBytes} bytes)` };
      const hash = await bodyHash(text);
      if (hash === options.knownHash) return { kind: 'not-modified' };
      const parsed = parseFeedText(text);
      if (!parsed.ok) return { kind: 'failed', message: invalidFeedMessage(parsed.errors) };
      return { kind: 'updated', feed: parsed.feed, warnings: parsed.warnings, hash };
    },
    (error, timedOut): FetchFeedResult =>
      timedOut
        ? { kind: 'failed', message: `the feed server did not answer within ${timeoutMs / 1000} s` }
        : { kind: 'failed', message: `the feed could not be fetched (${error})` },
  );
}

/** Whether the popup opening should trigger a refresh. */
export function isStale(lastAttemptAt: number | null | undefined, now: number, staleMs = FEED_STALE_MS): boolean {
  return lastAttemptAt == null || now - lastAttemptAt >= staleMs;
}
