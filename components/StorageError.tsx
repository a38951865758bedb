import { Component, useEffect, useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';

/** Names of the errors Dexie/IndexedDB raise when the database cannot be opened or written. */
const STORAGE_ERRORS = new Set([
  'OpenFailedError',
  'DatabaseClosedError',
  'VersionError',
  'InvalidStateError',
  'QuotaExceededError',
  'UnknownError',
  'AbortError',
  'SecurityError',
  'MissingAPIError',
  'UpgradeError',
  'InvalidTableError',
  'StorageTimeoutError',
  // A table missing from the database (e.g. a damaged or foreign schema): storage trouble too.
  'NotFoundError',
]);

/** The database did not answer at all: some browsers leave a failed open pending instead of failing it. */
export class StorageTimeoutError extends Error {
  override name = 'StorageTimeoutError';
}

export function isStorageError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return !!e && (STORAGE_ERRORS.has(e.name ?? '') || STORAGE_ERRORS.has(e.inner?.name ?? ''));
}

/** What the employee sees instead of a blank page when storage fails. */
export function StorageErrorMessage({ error, fromStorage }: { error: unknown; fromStorage?: boolean }) {
  const storage = fromStorage ?? isStorageError(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <main>
      <div role="alert" data-testid="storage-error">
        <h1>{t(storage ? 'storageErrorTitle' : 'storageErrorUnexpectedTitle')}</h1>
        <p>{t(storage ? 'storageErrorBody' : 'storageErrorUnexpectedBody')}</p>
        <details>
          <summary>{t('storageErrorDetails')}</summary>
          {/* Rendered as text: an error message may carry page or feed text. */}
          <pre>{detail.slice(0, 500)}</pre>
        </details>
      </div>
    </main>
  );
}

/**
 * A render error anywhere below (useLiveQuery rethrows database errors during render) shows a
 * readable error instead of unmounting the page to nothing.
 */
export class StorageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    return this.state.error ? <StorageErrorMessage error={this.state.error} /> : this.props.children;
  }
}

/**
 * Opens the database before the page needs it and shows the storage error when that fails, or
 * when it has not answered after `timeoutMs` (an open that hangs would otherwise leave "Loading…"
 * forever). If a slow open succeeds later, the page recovers by itself.
 */
export function StorageGate({
  open,
  children,
  timeoutMs = 8000,
}: {
  open: () => Promise<unknown>;
  children: ReactNode;
  timeoutMs?: number;
}) {
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => live && setError(new StorageTimeoutError(`no answer from IndexedDB after ${timeoutMs} ms`)),
      timeoutMs,
    );
    open().then(
      () => {
        clearTimeout(timer);
        if (live) setError(null);
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (live) setError(err ?? new Error('IndexedDB open failed'));
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, timeoutMs]);
  // Whatever the open threw (browsers throw plain TypeErrors too), it came from storage.
  if (error) return <StorageErrorMessage error={error} fromStorage />;
  return <StorageErrorBoundary>{children}</StorageErrorBoundary>;
}
