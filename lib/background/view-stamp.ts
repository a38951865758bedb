import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { DB_NAME } from '../db';
import { REPORT_PAUSE_KEY } from '../privacy/consent';
import { STORAGE_PROBLEM_KEY } from '../storage-problem';
import { VIEW_STAMP_KEY } from '../ui/last-view';

/** The tables the popup reads (lib/ui/popup-data.ts), and the storage.local keys it shows. */
export const VIEW_TABLES = ['feedCache', 'dailyStats', 'dayTotals', 'periodPosts'] as const;
const VIEW_KEYS = ['settings', STORAGE_PROBLEM_KEY, REPORT_PAUSE_KEY];

/** Whether a committed write (Dexie's mutated parts, keyed `idb://<db>/<table>/<index>`) touched what the popup shows. */
export function touchesView(parts: Record<string, unknown>): boolean {
  return Object.keys(parts).some((k) => VIEW_TABLES.some((t) => k.startsWith(`idb://${DB_NAME}/${t}/`)));
}

/**
 * Keeps `VIEW_STAMP_KEY` new after every change the popup would show, so its last view
 * (lib/ui/last-view.ts) is painted only while it is still true. Dexie reports each committed write
 * transaction (storagemutated); several in one task make one new stamp.
 */
export function setupViewStamp(): void {
  let queued = false;
  const renew = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      void browser.storage.local.set({ [VIEW_STAMP_KEY]: `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}` }).catch(() => undefined);
    });
  };
  Dexie.on('storagemutated', (parts) => {
    if (touchesView(parts)) renew();
  });
  browser.storage.local.onChanged.addListener((changes) => {
    if (VIEW_KEYS.some((k) => k in changes)) renew();
  });
}
