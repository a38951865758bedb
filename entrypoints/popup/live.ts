import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { create } from 'zustand';
import type { SharewiseDB } from '@/lib/db';
import { readStorageProblem, STORAGE_PROBLEM_KEY, type StorageProblem } from '@/lib/storage-problem';
import { VIEW_STAMP_KEY } from '@/lib/ui/last-view';
import { readPopupData, type PopupData } from '@/lib/ui/popup-data';
import { trackingState, type TrackingState } from '@/lib/ui/tracking-state';

/** What the popup shows, kept current while it is open: the database (one live query) and storage.local. */
export interface LiveState {
  /** null until the first read answered. */
  data: PopupData | null;
  /** A failed read; the page shows it (StorageErrorBoundary). */
  error: unknown;
  tracking: TrackingState;
  problem: StorageProblem | null;
  /** The view stamp read before the first data (lib/ui/last-view.ts); undefined if unknown. */
  stamp: string | undefined;
}

export const useLive = create<LiveState>()(() => ({ data: null, error: null, tracking: { state: 'on' }, problem: null, stamp: undefined }));

const LOCAL_KEYS = [VIEW_STAMP_KEY, 'settings', STORAGE_PROBLEM_KEY];

/**
 * Starts every read at once, before React has rendered anything; resolves when the first answers
 * are in (data or its error), so the popup renders once, complete, instead of in a waterfall of
 * loading states. The stamp is asked for before the data: a view saved under it can only be older
 * than its stamp, never newer.
 */
export function startLive(db: SharewiseDB, now: number): Promise<void> {
  const applyLocal = (s: Record<string, unknown>) =>
    useLive.setState({ tracking: trackingState(s.settings, now), problem: readStorageProblem(s[STORAGE_PROBLEM_KEY]) });
  const local = browser.storage.local.get(LOCAL_KEYS).then(
    (s) => {
      applyLocal(s);
      useLive.setState({ stamp: typeof s[VIEW_STAMP_KEY] === 'string' ? s[VIEW_STAMP_KEY] : '' });
    },
    () => undefined,
  );
  browser.storage.local.onChanged.addListener((changes) => {
    if ('settings' in changes || STORAGE_PROBLEM_KEY in changes) void browser.storage.local.get(LOCAL_KEYS).then(applyLocal);
  });
  const first = new Promise<void>((resolve) => {
    liveQuery(() => readPopupData(db, now)).subscribe({
      next: (data) => {
        useLive.setState({ data, error: null });
        resolve();
      },
      error: (error: unknown) => {
        useLive.setState({ error: error ?? new Error('reading the database failed') });
        resolve();
      },
    });
  });
  return Promise.all([local, first]).then(() => undefined);
}
