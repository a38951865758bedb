import React from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { StorageGate } from '@/components/StorageError';
import { getDb } from '@/lib/db';
// The light sender (same wire format as lib/messaging/protocol.ts) keeps the popup's script small.
import { sendToBackground as sendMessage } from '@/lib/messaging/send';
import { App } from './App';
import './popup.css';

// Opening the popup refreshes the company feed when it is older than an hour (the view follows the DB).
void sendMessage('ui:feedMaybeRefresh', {}).catch(() => {});

document.documentElement.lang = browser.i18n.getUILanguage();

// A database that cannot be opened, or a render error, shows a readable error instead of a blank or
// endlessly loading popup.
const openDb = () => getDb().open();

createRoot(document.getElementById('root')!, {
  // A caught error is shown on the page; a warning keeps it in the console for diagnosis.
  onCaughtError: (error) => console.warn('[sharewise] popup', error),
}).render(
  <React.StrictMode>
    <StorageGate open={openDb}>
      <App />
    </StorageGate>
  </React.StrictMode>,
);
