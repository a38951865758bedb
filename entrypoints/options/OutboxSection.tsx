import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { ManagedConfig } from '@/lib/managed';
import { sendMessage } from '@/lib/messaging/protocol';
import { localDate } from '@/lib/period';
import { reportTarget } from '@/lib/report';
import { displayHost } from '@/lib/remote-url';

/**
 * Reports waiting to be delivered (a report that keeps failing stays here, visible, with its last
 * error and next attempt) and "Send now", which delivers them at once instead of at the next retry.
 */
export function OutboxSection({ managed }: { managed: ManagedConfig }) {
  const db = getDb();
  const reporting = useSettingsStore((s) => s.settings.reporting.enabled);
  const feedRow = useLiveQuery(() => db.feedCache.get('current'), []);
  const rows = useLiveQuery(() => db.outbox.toArray(), [], []);
  const target = reportTarget(managed, feedRow?.feed, feedRow?.source);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const sorted = [...rows].sort((a, b) => a.period.start - b.period.start);

  const sendNow = async () => {
    setBusy(true);
    setResult(null);
    try {
      const answer = await sendMessage('ui:sendReportsNow', {});
      if ('rejected' in answer) setResult({ tone: 'error', text: t('optionsSendNowError', answer.rejected) });
      else
        setResult({
          tone: answer.failed ? 'error' : 'ok',
          text: t('optionsSendNowResult', [String(answer.sent), String(answer.failed), String(answer.queued)]),
        });
    } catch (err) {
      setResult({ tone: 'error', text: t('optionsSendNowError', err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="outbox">
      <h2 id="outbox">{t('optionsOutboxHeading')}</h2>
      {sorted.length === 0 ? (
        <p data-testid="outbox-empty">{t('optionsOutboxEmpty')}</p>
      ) : (
        <ul className="sw-list" data-testid="outbox">
          {sorted.map((row) => (
            <li key={row.id} className="sw-card" data-testid="outbox-row" data-key={row.key}>
              <p>
                {t('optionsOutboxPeriod', [localDate(row.period.start), localDate(row.period.end)])}
                {' · '}
                {/* Each report goes only to the host it was agreed for. */}
                <span data-testid="outbox-host">{t('optionsOutboxTo', displayHost(row.endpoint))}</span>
                {' · '}
                {t('optionsOutboxAttempts', String(row.attempts))}
                {' · '}
                {t('optionsOutboxNext', new Date(row.nextAttemptAt).toLocaleString())}
              </p>
              {row.lastError && (
                <p className="sw-error" data-testid="outbox-error">
                  {t('optionsOutboxLastError', row.lastError)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {reporting && target && (
        <div className="sw-row">
          <button type="button" data-testid="send-now" disabled={busy} onClick={() => void sendNow()}>
            {busy ? t('optionsSendNowSending') : t('optionsSendNow')}
          </button>
        </div>
      )}
      <p role="status" data-testid="send-now-result" className={result?.tone === 'error' ? 'sw-error' : undefined}>
        {result?.text ?? ''}
      </p>
    </section>
  );
}
