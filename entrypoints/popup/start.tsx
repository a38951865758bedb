import React, { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { StorageErrorBoundary } from '@/components/StorageError';
// The light sender (same wire format as lib/messaging/protocol.ts) keeps the popup's script small.
import { sendToBackground as sendMessage } from '@/lib/messaging/send';
import { App } from './App';
import { startLive } from './live';

/** Calls `onCommit` once its first render is in the page. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return children;
}

/** The popup: one read of its snapshot (lib/ui/snapshot.ts), then React. No database. */
export function start(): void {
  const now = Date.now();
  document.documentElement.lang = browser.i18n.getUILanguage();
  const root = document.getElementById('root')!;
  const firstData = startLive();

  // Background work waits until the popup is on screen. Opening the popup refreshes the company feed
  // when it is older than an hour, clears the toolbar badge and has the background check the snapshot.
  let opened = false;
  const onShown = () => {
    if (opened) return;
    opened = true;
    void sendMessage('ui:feedMaybeRefresh', {}).catch(() => undefined);
    void sendMessage('ui:popupOpened', {}).catch(() => undefined);
  };

  // Mounted with the snapshot in hand: one complete render, no flash of a loading state.
  void firstData.then(() =>
    createRoot(root, {
      // A caught error is shown on the page; a warning keeps it in the console for diagnosis.
      onCaughtError: (error) => console.warn('[sharewise] popup', error),
    }).render(
      <React.StrictMode>
        <Committed onCommit={onShown}>
          <StorageErrorBoundary>
            <App now={now} />
          </StorageErrorBoundary>
        </Committed>
      </React.StrictMode>,
    ),
  );
}
