import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getDb, type SharewiseDB } from '../db';
import { t } from '../i18n';
import { decideReminder, type ReminderState } from '../reminders';
import { loadSettings } from '../settings/store';

const STATE_KEY = 'reminderState';
const NOTIFICATION_ID = 'sharewise-new-posts';
/** A plain teal disc; inline so the notification does not depend on icon files. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAl0lEQVR42u3ayw2AMAwE0TRAtRwoHypACeRj72YscZ93A5tSGKM5zutueSSj02F6w8Mgo8OXQmbHT0OsCp8CiYofgoiO70ZIA7LE/0Jki/+MkAZkjW9GSAOyx1cRACIBKvGvCAAAAAAAAEAawLsQgE2+Cfw/KdlKsBsy3M7tu9yVX69bHDgsTkw2Rz6LM6vNodvmVwOmcx6R7rT2mLq7zQAAAABJRU5ErkJggg==';

async function loadState(): Promise<ReminderState | null> {
  const raw = (await browser.storage.local.get(STATE_KEY))[STATE_KEY] as ReminderState | undefined;
  return raw && Array.isArray(raw.knownPostIds) && Array.isArray(raw.shownAt) ? raw : null;
}

/**
 * Looks at the approved posts of the feed in use and, if the employee turned reminders on and
 * their limits allow it, shows one notification naming the new posts. Never about points or streaks.
 */
export async function checkForNewPosts(db: SharewiseDB, now: number): Promise<string[]> {
  const [settings, state, row] = await Promise.all([loadSettings(), loadState(), db.feedCache.get('current')]);
  // No feed yet (first start, before the demo or company feed is stored): nothing to compare with.
  if (!row?.feed) return [];
  const posts = row.feed.posts;
  const decision = decideReminder(
    state,
    settings.reminders,
    posts.map((p) => p.id),
    now,
  );
  await browser.storage.local.set({ [STATE_KEY]: decision.state });
  if (decision.announce.length === 0) return [];
  const titles = posts.filter((p) => decision.announce.includes(p.id)).map((p) => p.title);
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: ICON,
    title: t('optionsReminderNotificationTitle'),
    message: titles.slice(0, 3).join('\n'),
  });
  return decision.announce;
}

/** Opens the popup where the browser allows it from a notification click, else popup.html in a tab. */
export async function openPopupFromNotification(): Promise<void> {
  const action = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction) as
    { openPopup?: () => Promise<void> } | undefined;
  try {
    if (action?.openPopup) {
      await action.openPopup();
      return;
    }
  } catch {
    // Not allowed here (no focused window, or the browser wants a user gesture): open it as a tab.
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
}

export function setupReminders(): void {
  const db = getDb();
  // The feed is written by this same background, so a live query sees every update.
  liveQuery(() => db.feedCache.get('current')).subscribe({
    next: () => void checkForNewPosts(db, Date.now()).catch((err) => console.error('[sharewise] reminders', err)),
    error: (err) => console.error('[sharewise] reminders', err),
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.notifications.clear(id);
    void openPopupFromNotification().catch((err) => console.error('[sharewise] reminders', err));
  });
}
