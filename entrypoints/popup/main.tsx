import React from 'react';
import { createRoot } from 'react-dom/client';
import { StorageGate } from '@/components/StorageError';
import { getDb } from '@/lib/db';
import { App } from './App';

// A database that cannot be opened shows an error instead of a blank or endlessly loading popup.
const openDb = () => getDb().open();

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <StorageGate open={openDb}>
      <App />
    </StorageGate>
  </React.StrictMode>,
);
