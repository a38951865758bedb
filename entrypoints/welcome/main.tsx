import React from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import '@/components/privacy/privacy.css';
import { startSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('welcomeTitle');
startSettingsStore();
createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
