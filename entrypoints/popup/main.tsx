import React from 'react';
import { createRoot } from 'react-dom/client';
import { StorageErrorBoundary } from '@/components/StorageError';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <StorageErrorBoundary>
      <App />
    </StorageErrorBoundary>
  </React.StrictMode>,
);
