import React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { sendMessage } from '@/lib/messaging/protocol';

// Opening the popup refreshes the company feed when it is older than an hour (the view follows the DB).
void sendMessage('ui:feedMaybeRefresh', {}).catch(() => {});

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
