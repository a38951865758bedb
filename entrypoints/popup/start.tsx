import React, { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { StorageGate } from '@/components/StorageError';
import { getDb } from '@/lib/db';
// The light sender (same wire format as lib/messaging/protocol.ts) keeps the popup's script small.
import { sendToBackground as sendMessage } from '@/lib/messaging/send';
import { saveLastView, viewUntil } from '@/lib/ui/last-view';
import { App } from './App';
import { startLive, useLive } from './live';

/** Calls `onCommit` once its first render is in the page. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return children;
}

// A database that cannot be opened, or a render error, shows a readable error instead of a blank or
// endlessly loading popup.
const openDb = () => getDb().open();

/** The live popup: reads, React, and then the next last view. */
export function start(): void {
  const now = Date.now();
  const lang = browser.i18n.getUILanguage();
  document.documentElement.lang = lang;
  const root = document.getElementById('root')!;
  // Every read starts now, while React is still being set up.
  const firstData = startLive(getDb(), now);

  // The first commit, whatever it shows (content, loading, an error), replaces the last view: live now.
  const onLive = () => {
    root.inert = false;
    delete document.documentElement.dataset.view;
  };
  /** After the first complete render: its markup, untouched by the employee yet, becomes the next last view. */
  let shown = false;
  const onShown = () => {
    if (shown) return;
    shown = true;
    const { stamp, tracking } = useLive.getState();
    if (stamp !== undefined) saveLastView(localStorage, { html: root.innerHTML, stamp, lang, until: viewUntil(now, tracking) });
    // Background work waits until the popup is on screen. Opening the popup refreshes the company feed
    // when it is older than an hour (the view follows the DB), and clears the toolbar badge.
    void sendMessage('ui:feedMaybeRefresh', {}).catch(() => undefined);
    void sendMessage('ui:popupOpened', {}).catch(() => undefined);
  };

  const mount = () => createRoot(root, {
    // A caught error is shown on the page; a warning keeps it in the console for diagnosis.
    onCaughtError: (error) => console.warn('[sharewise] popup', error),
  }).render(
    <React.StrictMode>
      <Committed onCommit={onLive}>
        <StorageGate open={openDb}>
          <App now={now} onShown={onShown} />
        </StorageGate>
      </Committed>
    </React.StrictMode>,
  );

  // Mount with the data in hand (one complete render, no flash of "Loading…"); if the reads are slow,
  // mount anyway so the loading state — or the storage error — shows. A painted last view stays up meanwhile.
  const slowMs = document.documentElement.dataset.view ? 2000 : 250;
  void Promise.race([firstData, new Promise((ok) => setTimeout(ok, slowMs))]).then(mount);
}
