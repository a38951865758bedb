import type { Network } from './shares';

/**
 * A post's public link in one canonical form per post, so the same post found by different signals
 * (the sent notice's link, an employee's claim) is one key. X: `https://x.com/i/web/status/<id>` (the
 * user name can change, the id cannot; X serves this form). LinkedIn:
 * `https://www.linkedin.com/feed/update/urn:li:<activity|share|ugcPost>:<id>/`. LinkedIn names one post by
 * an activity URN and a share URN, so those two forms of one post are not recognised as the same.
 */
export type Permalink = { network: Network; url: string };

export type PermalinkProblem = 'empty' | 'not-a-link' | 'not-a-post';

const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
const LINKEDIN_HOST = /^([a-z]{2,3}\.|www\.)?linkedin\.com$/;
const MAX_LENGTH = 2048;

/** Reads a link to a post on X or LinkedIn, as pasted (with or without https://), or says what is wrong. */
export function parsePermalink(
  input: string,
): { ok: true; permalink: Permalink } | { ok: false; problem: PermalinkProblem } {
  const raw = input.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  if (raw.length > MAX_LENGTH || /\s/.test(raw)) return { ok: false, problem: 'not-a-link' };
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { ok: false, problem: 'not-a-link' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, problem: 'not-a-link' };
  if (u.username || u.password) return { ok: false, problem: 'not-a-link' };
  const host = u.hostname.toLowerCase();
  if (X_HOSTS.has(host)) {
    // /<user>/status/<id>, optionally followed by /photo/1, /analytics…; /i/web/status/<id>.
    const m = /^\/(?:[A-Za-z0-9_]{1,15}|i\/web)\/status(?:es)?\/(\d{1,25})(?:\/|$)/.exec(u.pathname);
    if (!m) return { ok: false, problem: 'not-a-post' };
    return { ok: true, permalink: { network: 'x', url: `https://x.com/i/web/status/${m[1]}` } };
  }
  if (LINKEDIN_HOST.test(host)) {
    let path: string;
    try {
      path = decodeURIComponent(u.pathname);
    } catch {
      return { ok: false, problem: 'not-a-link' };
    }
    const urn = /^\/feed\/update\/urn:li:(activity|share|ugcPost):(\d{1,25})\/?$/.exec(path);
    if (urn) return { ok: true, permalink: { network: 'linkedin', url: linkedInUpdate(urn[1]!, urn[2]!) } };
    // "Copy link to post" gives /posts/<author>_<slug>-activity-<id>-<code>.
    const posts = /^\/posts\/[^/]*-activity-(\d{1,25})-[A-Za-z0-9_-]+\/?$/.exec(path);
    if (posts) return { ok: true, permalink: { network: 'linkedin', url: linkedInUpdate('activity', posts[1]!) } };
    return { ok: false, problem: 'not-a-post' };
  }
  return { ok: false, problem: 'not-a-post' };
}

function linkedInUpdate(type: string, id: string): string {
  return `https://www.linkedin.com/feed/update/urn:li:${type}:${id}/`;
}

/** A link the page revealed for `network`, in canonical form, or undefined if it is not a post of that network. */
export function canonicalPermalink(url: string | undefined, network: Network): string | undefined {
  if (!url) return undefined;
  const parsed = parsePermalink(url);
  return parsed.ok && parsed.permalink.network === network ? parsed.permalink.url : undefined;
}
