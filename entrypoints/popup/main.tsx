import React from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { Notice } from '@/components/Notice';
import '@/components/theme.css';
import { t } from '@/lib/i18n';
import { App } from './App';
import './popup.css';
import { sendToBackground as sendMessage } from '@/lib/messaging/send';

// Opening the popup refreshes the company feed when it is older than an hour (the view follows the DB).
void sendMessage('ui:feedMaybeRefresh', {}).catch(() => {});

document.documentElement.lang = browser.i18n.getUILanguage();

function Broken({ error }: { error: Error }) {
  return (
    <main>
      <h1>Sharewise</h1>
      <Notice tone="warn" testId="popup-error">
        <p>{t('popupBroken')}</p>
        <p className="error-detail">{error.message}</p>
      </Notice>
    </main>
  );
}

createRoot(document.getElementById('root')!, {
  // A caught error is shown on the page (Broken); a warning keeps it in the console for diagnosis.
  onCaughtError: (error) => console.warn('[sharewise] popup', error),
}).render(
  <React.StrictMode>
    <ErrorBoundary fallback={(error) => <Broken error={error} />}>
      <App />
    </ErrorBoundary>
  </React.StrictMode>,
);
