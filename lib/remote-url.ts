/**
 * The one check for every address Sharewise fetches from or sends to: the employee's feed URL, a
 * policy's feed URL and report endpoint, and a feed's report endpoint. No imports: the options page,
 * the feed schema and the policy reader all use it.
 */

export type RemoteUrlError = 'not-a-url' | 'not-https' | 'too-long' | 'userinfo' | 'backslash' | 'control-chars';

export type RemoteUrlCheck = { ok: true; url: string; host: string } | { ok: false; error: RemoteUrlError };

export const MAX_URL_LENGTH = 2048;

// Bidirectional overrides, embeddings, isolates and marks (they can make "evil.example/acme.example"
// display as something else), and C0/C1 controls, which the URL parser would silently drop.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** For administrators and feed authors (policy problems and feed errors are shown in English). */
export const REMOTE_URL_MESSAGES: Record<RemoteUrlError, string> = {
  'not-a-url': 'must be an https:// URL',
  'not-https': 'must be an https:// URL',
  'too-long': `must be at most ${MAX_URL_LENGTH} characters`,
  userinfo: 'must not contain a user name or password before the host (user@host)',
  backslash: 'must not contain backslashes',
  'control-chars': 'must not contain invisible control or text-direction characters',
};

/**
 * Whether `input` is an absolute https URL that means what it shows. Refused: a user name or
 * password before the host (`https://acme.example@evil.example/` goes to evil.example), backslashes
 * (browsers read them as slashes), and bidi or other control characters. Accepted URLs come back
 * normalised, with the host in its ASCII (punycode) form: that is the host shown to the employee, so
 * look-alike letters from other scripts show as `xn--…`.
 */
export function checkRemoteUrl(input: string): RemoteUrlCheck {
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH) return { ok: false, error: 'too-long' };
  if (CONTROL_CHARS.test(text)) return { ok: false, error: 'control-chars' };
  if (text.includes('\\')) return { ok: false, error: 'backslash' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: url.protocol === 'http:' ? 'not-https' : 'not-a-url' };
  // The parser drops an empty "@" (https://@evil.example), so the authority as typed is checked too.
  const authority = text.slice(text.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? '';
  if (url.username || url.password || authority.includes('@')) return { ok: false, error: 'userinfo' };
  if (!url.hostname) return { ok: false, error: 'not-a-url' };
  if (url.href.length > MAX_URL_LENGTH) return { ok: false, error: 'too-long' };
  return { ok: true, url: url.href, host: url.host };
}

/** The host to show for a stored URL (punycode), or the text itself if it does not parse. */
export function displayHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The optional host permission pattern for a feed or report URL's origin (for
 * `browser.permissions.request({ origins: [originPattern(url)] })` from the options page, in the click
 * handler where the employee saves their URL). Null for anything but https.
 */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? `https://${u.hostname}/*` : null;
  } catch {
    return null;
  }
}
