import { SettingsSchema } from '../settings/schema';

export type FeedUrlCheck =
  | { ok: true; url: string | null }
  | { ok: false; error: 'not-a-url' | 'not-https' | 'too-long' };

/**
 * What the employee typed into "your company's feed address": empty clears it (the demo feed is
 * used again), otherwise an absolute https URL — the same rule settings storage enforces, so
 * a URL accepted here is never dropped as tampered when read back.
 */
export function checkFeedUrl(input: string): FeedUrlCheck {
  const text = input.trim();
  if (!text) return { ok: true, url: null };
  if (text.length > 2048) return { ok: false, error: 'too-long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: url.protocol === 'http:' ? 'not-https' : 'not-a-url' };
  if (!url.hostname) return { ok: false, error: 'not-a-url' };
  const href = url.href;
  return SettingsSchema.shape.feedUrl.safeParse(href).success ? { ok: true, url: href } : { ok: false, error: 'not-a-url' };
}
