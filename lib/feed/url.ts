import { checkRemoteUrl, type RemoteUrlError } from '../remote-url';
import { SettingsSchema } from '../settings/schema';

export type FeedUrlCheck = { ok: true; url: string | null } | { ok: false; error: RemoteUrlError };

/**
 * What the employee typed into "your company's feed address": empty clears it (the demo feed is
 * used again), otherwise an address that passes checkRemoteUrl (lib/remote-url.ts, the same check
 * as a policy's) and the rule settings storage enforces, so a URL accepted here is never dropped as
 * tampered when read back.
 */
export function checkFeedUrl(input: string): FeedUrlCheck {
  if (!input.trim()) return { ok: true, url: null };
  const checked = checkRemoteUrl(input);
  if (!checked.ok) return checked;
  return SettingsSchema.shape.feedUrl.safeParse(checked.url).success
    ? { ok: true, url: checked.url }
    : { ok: false, error: 'not-a-url' };
}
