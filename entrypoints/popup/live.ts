import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { readSnapshot, SNAPSHOT_KEY, type PopupSnapshot } from '@/lib/ui/snapshot';

/** The employee closed the demo line: it stays closed (the popup's own key, not part of the snapshot). */
export const DEMO_DISMISSED_KEY = 'popupDemoDismissed';

/** What the popup shows: the snapshot the background keeps (lib/ui/snapshot.ts), followed while the popup is open. */
export interface LiveState {
  /** False until storage answered. */
  loaded: boolean;
  /** null: the background has not written one yet (first run). */
  snapshot: PopupSnapshot | null;
  demoDismissed: boolean;
}

export const useLive = create<LiveState>()(() => ({ loaded: false, snapshot: null, demoDismissed: false }));

/** Reads the snapshot and follows its changes; resolves once the first read answered. */
export function startLive(): Promise<void> {
  browser.storage.local.onChanged.addListener((changes) => {
    if (SNAPSHOT_KEY in changes)
      useLive.setState({ loaded: true, snapshot: readSnapshot(changes[SNAPSHOT_KEY]?.newValue) });
    if (DEMO_DISMISSED_KEY in changes)
      useLive.setState({ demoDismissed: changes[DEMO_DISMISSED_KEY]?.newValue === true });
  });
  return browser.storage.local.get([SNAPSHOT_KEY, DEMO_DISMISSED_KEY]).then(
    (s) => {
      // A change that arrived first is newer than this read.
      if (!useLive.getState().loaded) useLive.setState({ loaded: true, snapshot: readSnapshot(s[SNAPSHOT_KEY]) });
      useLive.setState({ demoDismissed: s[DEMO_DISMISSED_KEY] === true });
    },
    () => useLive.setState({ loaded: true }),
  );
}
