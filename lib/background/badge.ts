import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getDb, type SharewiseDB } from '../db';
import { activePosts } from '../feed/select';
import { refreshSnapshot } from './snapshot';
import { handle } from './handle';

/**
 * Toolbar badge: how many approved posts are new since the popup was last opened. Opening the
 * popup (message `ui:popupOpened`) remembers the posts it showed and clears the badge. The count is
 * recomputed whenever the feed cache changes (a live query here: the background is the only writer).
 */

/** Posts shown when the popup was last opened, in browser.storage.local (bounded by the feed's size). */
export const SEEN_KEY = 'popupSeenPosts';

export interface BadgeApi {
  setText(text: string): Promise<void> | void;
}

/** The badge text for `n` new posts: empty when none, capped so it fits the toolbar. */
export function badgeText(n: number): string {
  return n <= 0 ? '' : n > 99 ? '99+' : String(n);
}

/** Active posts the employee has not seen in the popup yet. */
export function newPostCount(activeIds: string[], seen: readonly string[]): number {
  const known = new Set(seen);
  return activeIds.filter((id) => !known.has(id)).length;
}

async function activeIds(db: SharewiseDB, now: number): Promise<string[]> {
  const feed = (await db.feedCache.get('current'))?.feed;
  return feed ? activePosts(feed, now).map((p) => p.id) : [];
}

async function readSeen(): Promise<string[]> {
  const raw = (await browser.storage.local.get(SEEN_KEY))[SEEN_KEY];
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/** Recomputes the badge from the feed cache and what the popup last showed. */
export async function refreshBadge(db: SharewiseDB, api: BadgeApi, now = Date.now()): Promise<string> {
  const text = badgeText(newPostCount(await activeIds(db, now), await readSeen()));
  await api.setText(text);
  return text;
}

/** The popup was opened: everything it shows counts as seen, and the badge clears. */
export async function markPopupOpened(db: SharewiseDB, api: BadgeApi, now = Date.now()): Promise<void> {
  await browser.storage.local.set({ [SEEN_KEY]: await activeIds(db, now) });
  await api.setText('');
}

/** MV3 has `action`, Firefox MV2 `browserAction`. */
function toolbar(): BadgeApi {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  void action?.setBadgeBackgroundColor?.({ color: '#1d4ed8' });
  return { setText: (text) => action?.setBadgeText({ text }) };
}

export function setupBadge(api: BadgeApi = toolbar()): { stop: () => void } {
  const db = getDb();
  const fail = (err: unknown) => console.error('[sharewise] badge', err);

  handle('ui:popupOpened', async () => {
    // Every open also checks the popup's snapshot: a database that broke since the last write writes
    // nothing, and the employee must still learn of it (unchanged snapshots are not written again).
    try {
      await markPopupOpened(db, api);
    } finally {
      void refreshSnapshot(db).catch(() => undefined);
    }
    return { ok: true };
  });

  const sub = liveQuery(() => db.feedCache.get('current')).subscribe({
    next: () => void refreshBadge(db, api).catch(fail),
    error: fail,
  });
  return { stop: () => sub.unsubscribe() };
}
