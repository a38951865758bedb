import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';

/** Every report that left the browser: when, where, what, and what the server answered. */
export function SentLogSection() {
  const rows = useLiveQuery(() => getDb().sentLog.orderBy('at').reverse().limit(200).toArray(), []);
  return (
    <section aria-labelledby="sent-log">
      <h2 id="sent-log">{t('optionsSentLogHeading')}</h2>
      {!rows || rows.length === 0 ? (
        <p data-testid="sent-log-empty">{t('optionsSentLogEmpty')}</p>
      ) : (
        <ul data-testid="sent-log" className="sw-list">
          {rows.map((row) => (
            <li key={row.id} className="sw-card" data-testid="sent-log-row" data-ok={row.ok} data-key={row.key}>
              <p>
                <time dateTime={new Date(row.at).toISOString()}>{new Date(row.at).toLocaleString()}</time>
                {' · '}
                <span>{row.endpoint}</span>
                {' · '}
                <span className={row.ok ? 'sw-success' : 'sw-error'}>
                  {row.ok
                    ? t('optionsSentLogOk', String(row.status ?? ''))
                    : row.status === null
                      ? t('optionsSentLogNoAnswer')
                      : t('optionsSentLogFailed', String(row.status))}
                </span>
                {(row.attempts ?? 1) > 1 && (
                  <span data-testid="sent-log-repeats">
                    {' · '}
                    {t('optionsSentLogRepeated', [
                      String(row.attempts),
                      new Date(row.firstAt ?? row.at).toLocaleString(),
                    ])}
                  </span>
                )}
              </p>
              <details>
                <summary>{t('optionsSentLogPayload')}</summary>
                <pre className="sw-json">{JSON.stringify(row.payload, null, 2)}</pre>
              </details>
              <details>
                <summary>{t('optionsSentLogResponse')}</summary>
                <pre className="sw-json">{row.response}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
