import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
// The light sender and the type-only consent module: the popup's script stays small (no zod).
import { sendToBackground } from '@/lib/messaging/send';
import { readReportPause, REPORT_PAUSE_KEY, type ReportPause } from '@/lib/report/consent';

/**
 * "Your company now asks to send reports to <host>. Reports are paused until you agree." Shown while
 * the background holds reports because the endpoint (feed or policy) is not the one the employee
 * agreed to (lib/report/consent.ts). In the popup it stops asking once they chose "Keep paused";
 * options always shows it, so they can agree later.
 */
export function ReportPausePrompt({ place }: { place: 'popup' | 'options' }) {
  const [pause, setPause] = useState<ReportPause | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void browser.storage.local.get(REPORT_PAUSE_KEY).then(
        (s) => live && setPause(readReportPause(s[REPORT_PAUSE_KEY])),
        () => undefined,
      );
    const onChanged = (changes: Record<string, unknown>) => {
      if (REPORT_PAUSE_KEY in changes) read();
    };
    read();
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, []);
  if (!pause || (place === 'popup' && pause.declined)) return null;

  const answer = (agree: boolean) => {
    setError(null);
    void sendToBackground('ui:answerReportDestination', { endpoint: pause.endpoint, agree }).then(
      (r) => 'rejected' in r && setError(r.rejected),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <div className="notice notice-info sw-card" role="status" data-testid="report-pause" data-host={pause.host}>
      <p>
        {t('reportPausedAsk', pause.host)}
        {pause.source === 'managed' && ` (${t('reportPausedByPolicy')})`}
      </p>
      {place === 'options' && (
        <p className="sw-hint" data-testid="report-pause-endpoint">
          {pause.endpoint}
        </p>
      )}
      {pause.declined && <p data-testid="report-pause-kept">{t('reportPausedKept')}</p>}
      <p>
        <button type="button" className="primary" data-testid="report-pause-agree" onClick={() => answer(true)}>
          {t('reportPausedAgree')}
        </button>{' '}
        {!pause.declined && (
          <button type="button" data-testid="report-pause-keep" onClick={() => answer(false)}>
            {t('reportPausedKeep')}
          </button>
        )}
      </p>
      {error && (
        <p className="error-detail" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
