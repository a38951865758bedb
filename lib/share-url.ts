/**
 * Share links for the popup's one-click share: plain share URLs, no social login, no tokens.
 * The link carries campaign tags only (utm_source, utm_campaign = the post id), never anything that
 * identifies the employee.
 */

/** What each composer accepts, in its own count (X counts every link as 23 characters, t.co, whatever its length). */
export const COMPOSER_LIMITS = { x: 280, xLink: 23, linkedin: 3000 } as const;
/**
 * Longest LinkedIn composer link we open. LinkedIn documents no limit for the unofficial `text`
 * parameter; 4,000 characters stays well under the 8 KB request line that common front-end servers
 * accept. A longer (percent-encoded) text falls back to the official share-offsite URL, and the popup
 * copies the text to the clipboard so the employee can paste it.
 */
export const MAX_SHARE_URL_LENGTH = 4000;

export interface ShareContent {
  postId: string;
  text: string;
  url: string;
  hashtags: string[];
}

/** The post's link with campaign tags added (existing parameters kept, ours replaced). */
export function campaignUrl(url: string, postId: string): string {
  try {
    const u = new URL(url);
    u.searchParams.set('utm_source', 'sharewise');
    u.searchParams.set('utm_campaign', postId);
    return u.toString();
  } catch {
    return url;
  }
}

const URL_IN_TEXT = /\bhttps?:\/\/\S+/gi;

/** X's weighted length: most Latin, Greek, Cyrillic and punctuation count 1; other characters (CJK, emoji) 2. */
function weighted(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n +=
      c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037)
        ? 1
        : 2;
  }
  return n;
}

/** Length of the post X would publish: text, then the link, then the hashtags, links counted as 23. */
export function xLength(c: Omit<ShareContent, 'postId'>): number {
  const links = c.text.match(URL_IN_TEXT) ?? [];
  const text = weighted(c.text.replace(URL_IN_TEXT, '')) + links.length * COMPOSER_LIMITS.xLink;
  const tags = c.hashtags.reduce((n, h) => n + 2 + weighted(h), 0);
  return text + (c.url ? 1 + COMPOSER_LIMITS.xLink : 0) + tags;
}

const tagLine = (tags: string[]) => tags.map((h) => `#${h}`).join(' ');

/** The full text as the employee would post it by hand (LinkedIn composer, "Copy text"). */
export function composedText(c: ShareContent): string {
  return [c.text.trim(), campaignUrl(c.url, c.postId), tagLine(c.hashtags)].filter(Boolean).join('\n\n');
}

/** Length of the LinkedIn post (plain characters; LinkedIn does not shorten links). */
export function linkedInLength(c: ShareContent): number {
  return [...composedText(c)].length;
}

/** X's web intent, prefilled with text, link and hashtags. */
export function xShareUrl(c: ShareContent): string {
  const q = new URLSearchParams({ text: c.text.trim(), url: campaignUrl(c.url, c.postId) });
  if (c.hashtags.length) q.set('hashtags', c.hashtags.join(','));
  return `https://x.com/intent/post?${q.toString()}`;
}

export interface LinkedInShare {
  url: string;
  /** False when the official URL-only page is used: the text must be pasted by the employee. */
  prefilled: boolean;
}

/** LinkedIn's composer prefilled with the text; the official share-offsite page when that link would be too long. */
export function linkedInShareUrl(c: ShareContent): LinkedInShare {
  const composer = `https://www.linkedin.com/feed/?${new URLSearchParams({ shareActive: 'true', text: composedText(c) })}`;
  if (composer.length <= MAX_SHARE_URL_LENGTH) return { url: composer, prefilled: true };
  const url = `https://www.linkedin.com/sharing/share-offsite/?${new URLSearchParams({ url: campaignUrl(c.url, c.postId) })}`;
  return { url, prefilled: false };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * True when the draft is one of the post's suggested wordings (ignoring spacing and case): the popup
 * then gently suggests adding a personal sentence, because identical posts from many colleagues
 * look orchestrated. Never blocks sharing.
 */
export function isSuggestedText(draft: string, suggestions: string[]): boolean {
  const d = squash(draft);
  return d !== '' && suggestions.some((s) => squash(s) === d);
}
