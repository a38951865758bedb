import { Component, type ReactNode } from 'react';
import { t } from '@/lib/i18n';

/** Names of the errors Dexie/IndexedDB raise when the database cannot be opened or written. */
const STORAGE_ERRORS = new Set([
  'OpenFailedError', 'DatabaseClosedError', 'VersionError', 'InvalidStateError', 'QuotaExceededError',
  'UnknownError', 'AbortError', 'SecurityError', 'MissingAPIError', 'UpgradeError', 'InvalidTableError',
]);

export function isStorageError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return !!e && (STORAGE_ERRORS.has(e.name ?? '') || STORAGE_ERRORS.has(e.inner?.name ?? ''));
}

/** What the employee sees instead of a blank page when storage fails. */
export function StorageErrorMessage({ error }: { error: unknown }) {
  const storage = isStorageError(error);
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
