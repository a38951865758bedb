import type { FeedPost } from './feed/schema';
import type { Network } from './shares';
// The longest link kept is the one limit for every URL (feed, endpoint, link in a post); a longer one is dropped, not cut.
import { MAX_URL_LENGTH } from './remote-url';

/** Query parameters that only track clicks; they never make two links different. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|mc_[a-z]+|ref_src|ref_url|trk|s|t)$/i;

/**
 * Canonical form for comparing links: no scheme, no `www.`, no trailing slash, no fragment,
 * no tracking parameters, remaining parameters sorted. Returns null for anything not http(s).
 */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()]+|\b(?:www\.)[^\s<>"'()]+/gi;

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '…']);

/** Drops sentence punctuation after a link, in one pass from the end (a regex would be quadratic on long runs). */
function trimTrailing(url: string): string {
  let end = url.length;
  // At 0, url[-1] is undefined: not punctuation, so the loop stops there.
  while (TRAILING.has(url[end - 1]!)) end--;
  return url.slice(0, end);
}

/** Links written in a post's text, trailing punctuation trimmed, at most 50 of at most 2,048 characters. */
export function extractUrls(text: string): string[] {
  const found = (text.match(URL_IN_TEXT) ?? []).map(trimTrailing).filter((u) => u.length <= MAX_URL_LENGTH);
  return [...new Set(found)].slice(0, 50);
}

/** The approved post whose link appears in the shared text, if any. */
export function matchPostByUrls(urls: string[], posts: FeedPost[], network: Network): FeedPost | null {
  const wanted = new Set(urls.map(normalizeUrl));
  wanted.delete(null); // a link that is no http(s) URL matches no post
  // Stryker disable next-line ConditionalExpression: a shortcut; with no links the filter below finds no candidate either
  if (wanted.size === 0) return null;
  const candidates = posts.filter((p) => wanted.has(normalizeUrl(p.url)));
  return candidates.find((p) => p.networks.includes(network)) ?? candidates[0] ?? null;
}

/**
 * The links a share keeps when the employee keeps no post text: only the approved post's own link,
 * normalised, and only if the share's text linked to it. Everything else they wrote is not kept.
 */
export function keptLinks(urls: string[], post: FeedPost | null | undefined): string[] {
  const own = post ? normalizeUrl(post.url) : null;
  return own !== null && urls.some((u) => normalizeUrl(u) === own) ? [own] : [];
}

/** How long after a one-click share a post on that network is attributed to it. */
export const INTENT_WINDOW_MS = 15 * 60 * 1000;

export interface PendingIntent {
  at: number;
  network: Network;
  postId: string;
}

/** The most recent pending intent for `network` still within the window at `now`. */
export function pickIntent<T extends PendingIntent>(intents: T[], network: Network, now: number): T | null {
  let best: T | null = null;
  for (const intent of intents) {
    if (intent.network !== network || now - intent.at > INTENT_WINDOW_MS || intent.at > now) continue;
    if (!best || intent.at > best.at) best = intent;
  }
  return best;
}
