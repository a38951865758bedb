import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { getDb } from '@/lib/db';
import { feedStatus } from '@/lib/feed/status';
import { checkFeedUrl } from '@/lib/feed/url';
import { t } from '@/lib/i18n';
import type { ManagedConfig } from '@/lib/managed';
import { sendMessage } from '@/lib/messaging/protocol';
import { originPattern, type RemoteUrlError } from '@/lib/remote-url';

const when = (ms: number) => new Date(ms).toLocaleString();

const FEED_URL_ERRORS: Record<RemoteUrlError, string> = {
  'not-a-url': 'optionsFeedErrNotUrl',
  'not-https': 'optionsFeedErrNotHttps',
  'too-long': 'optionsFeedErrTooLong',
  userinfo: 'optionsFeedErrUserinfo',
  backslash: 'optionsFeedErrBackslash',
  'control-chars': 'optionsFeedErrControl',
};

/**
 * The company feed: which one is in use and where it comes from (demo, the employee's address, or
 * the organization's policy), whether the latest update worked, and the employee's own address.
 */
export function FeedSection({ managed }: { managed: ManagedConfig }) {
  const row = useLiveQuery(() => getDb().feedCache.get('current'), [], null);
  const { settings, update } = useSettingsStore();
  const inputId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const value = draft ?? settings.feedUrl ?? '';
  const status = row === null ? { kind: 'loading' as const } : feedStatus(row);
  const fromPolicy =
    status.kind !== 'loading' && status.kind !== 'demo' && !!managed.feedUrl && status.url === managed.feedUrl;

  const save = () => {
    const checked = checkFeedUrl(value);
    if (!checked.ok) {
      setMessage({ tone: 'error', text: t(FEED_URL_ERRORS[checked.error]) });
      return;
    }
    const pattern = checked.url ? originPattern(checked.url) : null;
    // Asked here, synchronously in the click: browsers grant permission prompts only within the user
    // gesture, which the first `await` would end. With the permission the feed loads even when the
    // company's server sends no CORS headers; without it, it loads when the server allows it.
    const granted: Promise<boolean> = pattern
      ? browser.permissions.request({ origins: [pattern] }).then(Boolean, () => false)
      : Promise.resolve(true);
    void (async () => {
      // Not stored: the page says why (SettingsRefused), and the typed address stays for another try.
      if (!(await update((s) => ({ ...s, feedUrl: checked.url })))) return;
      setDraft(null);
      setMessage({ tone: 'ok', text: t(checked.url ? 'optionsFeedSaved' : 'optionsFeedCleared') });
      await sendMessage('ui:feedMaybeRefresh', { force: true }).catch(() => undefined);
      if (pattern && !(await granted))
        setMessage({ tone: 'ok', text: t('optionsFeedSavedNoPermission', new URL(checked.url!).hostname) });
      // Granted after the first fetch (the prompt was still open): fetch again with the permission.
      else if (pattern) await sendMessage('ui:feedMaybeRefresh', { force: true }).catch(() => undefined);
    })();
  };

  return (
    <section aria-labelledby="feed">
      <h2 id="feed">{t('optionsFeedHeading')}</h2>
      <div className="sw-card" data-testid="feed-status" data-kind={status.kind}>
        {status.kind === 'loading' && <p>{t('optionsLoading')}</p>}
        {status.kind === 'demo' && <p>{t('optionsFeedDemo')}</p>}
        {(status.kind === 'company' || status.kind === 'unavailable') && (
          <>
            <p data-testid="feed-source">
              {t(status.kind === 'company' ? 'optionsFeedCompany' : 'optionsFeedUnavailable', status.url ?? '—')}
              {fromPolicy && <span className="sw-managed"> ({t('optionsManagedBadge')})</span>}
            </p>
            {status.kind === 'company' && row?.feed && (
              <p>
                {t('optionsFeedCompanyName', [row.feed.company.name, status.fetchedAt ? when(status.fetchedAt) : '—'])}
              </p>
            )}
            {status.error && (
              <div data-testid="feed-error">
                <p className="sw-error">{t('optionsFeedErrorSince', when(status.error.since))}</p>
                <p className="sw-hint">{status.error.message}</p>
                {status.kind === 'company' && <p>{t('optionsFeedKept')}</p>}
              </div>
            )}
          </>
        )}
      </div>
      {managed.feedUrl ? (
        <p data-testid="feed-url-managed">
          {t('optionsFeedUrlLabel')}: <span>{managed.feedUrl}</span>{' '}
          <span className="sw-managed">({t('optionsManagedBadge')})</span>
        </p>
      ) : (
        <form
          className="sw-row"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label htmlFor={inputId}>{t('optionsFeedUrlLabel')}</label>
          <input
            id={inputId}
            type="url"
            inputMode="url"
            size={40}
            placeholder="https://"
            value={value}
            data-testid="feed-url"
            aria-describedby={`${inputId}-hint`}
            aria-invalid={message?.tone === 'error' || undefined}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setMessage(null);
            }}
          />
          <button type="submit" data-testid="feed-url-save">
            {t('optionsFeedSave')}
          </button>
          <p id={`${inputId}-hint`} className="sw-hint">
            {t('optionsFeedUrlHint')}
          </p>
        </form>
      )}
      <p role="status" data-testid="feed-url-status" className={message?.tone === 'error' ? 'sw-error' : undefined}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
