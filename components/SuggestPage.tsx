import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { sendToBackground as sendMessage } from '@/lib/messaging/send';

/** Only ordinary web pages can be suggested (not the browser's own or the extension's pages). */
function suggestable(url: string | undefined): url is string {
  return !!url && /^https?:\/\//.test(url);
}

/**
 * "Suggest this page" for the popup: the current tab's title and address plus an optional note,
 * stored as a draft on this device. Drafts leave the browser only after "Send with the next report",
 * and then only with a report the employee allowed. Reading the tab needs `activeTab`, which grants
 * access only while the popup is open. Self-contained: mount it anywhere in the popup.
 */
export function SuggestPage() {
  const db = getDb();
  const noteId = useId();
  const [tab, setTab] = useState<{ url: string; title: string } | null>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved' | 'error'>('idle');
  const suggestions = useLiveQuery(() => db.suggestions.where('status').anyOf('draft', 'queued').toArray(), [], []);

  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => setTab(suggestable(active?.url) ? { url: active.url, title: active.title ?? '' } : null))
      .catch(() => setTab(null));
  }, []);

  const suggest = async () => {
    if (!tab) return;
    try {
      const answer = await sendMessage('ui:suggestPage', {
        url: tab.url,
        title: tab.title.slice(0, 300),
        note: note.slice(0, 1000),
      });
      setStatus('ok' in answer ? 'saved' : 'error');
      if ('ok' in answer) setNote('');
    } catch {
      setStatus('error');
    }
  };
  const drafts = suggestions.filter((s) => s.status === 'draft');

  return (
    <section aria-labelledby={`${noteId}-h`} data-testid="suggest-page">
      <h2 id={`${noteId}-h`}>{t('suggestHeading')}</h2>
      {tab ? (
        <>
          <p data-testid="suggest-target">
            {tab.title || tab.url}
            <br />
            <small>{tab.url}</small>
          </p>
          <label htmlFor={noteId}>{t('suggestNoteLabel')}</label>
          <textarea id={noteId} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          <button type="button" data-testid="suggest-submit" onClick={() => void suggest()}>
            {t('suggestSubmit')}
          </button>
        </>
      ) : (
        <p>{t('suggestUnavailable')}</p>
      )}
      <p role="status">{status === 'saved' ? t('suggestSaved') : status === 'error' ? t('suggestError') : ''}</p>
      {suggestions.length > 0 && (
        <ul data-testid="suggest-list">
          {suggestions.map((s) => (
            <li key={s.id}>
              {s.title || s.url} — {s.status === 'queued' ? t('suggestStatusQueued') : t('suggestStatusDraft')}
              {s.status === 'draft' && (
                <button
                  type="button"
                  onClick={() => void sendMessage('ui:deleteSuggestion', { id: s.id! }).catch(() => {})}
                >
                  {t('suggestDelete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {drafts.length > 0 && (
        <button
          type="button"
          data-testid="suggest-queue"
          onClick={() => void sendMessage('ui:queueSuggestions', { ids: drafts.map((s) => s.id!) }).catch(() => {})}
        >
          {t('suggestQueue')}
        </button>
      )}
    </section>
  );
}

// The popup loads this lazily (React.lazy wants a default export).
export default SuggestPage;
