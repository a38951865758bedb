import { useState } from 'react';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { sendToBackground as sendMessage } from '@/lib/messaging/send';
import { resumeLogging } from '@/lib/ui/resume';
import type { PopupView } from '@/lib/ui/snapshot';
import { moment } from './format';
import { optionsUrl } from './Header';
import { DEMO_DISMISSED_KEY } from './live';

/** The pause banner's Resume: a refused resume is said next to the button, which stays to try again. */
function ResumeButton() {
  const [refused, setRefused] = useState<string | null>(null);
  const resume = async () => {
    setRefused(null);
    setRefused(await resumeLogging());
  };
  return (
    <>
      <button type="button" data-testid="resume" onClick={() => void resume()}>
        {t('popupResume')}
      </button>
      {refused && (
        <span role="alert" data-testid="resume-refused" title={refused}>
          {' '}
          {t('settingsRefusedTitle')}
        </span>
      )}
    </>
  );
}

function FeedTrouble({ row }: { row: NonNullable<PopupView['row']> }) {
  const [trying, setTrying] = useState(false);
  const retry = () => {
    setTrying(true);
    void sendMessage('ui:feedMaybeRefresh', { force: true })
      .catch(() => undefined)
      .finally(() => setTrying(false));
  };
  const kept = !!row.feed;
  return (
    <Notice tone="warn" testId={kept ? 'feed-problem' : 'feed-unavailable'}>
      <p>{t('popupFeedDown')}</p>
      <p>{kept ? t('popupFeedKept') : t('popupFeedUnavailableNoDemo')}</p>
      <p className="notice-actions">
        <button type="button" data-testid="feed-retry" onClick={retry} disabled={trying}>
          {trying ? t('popupTrying') : t('popupTryAgain')}
        </button>
      </p>
      {row.error && (
        <details>
          <summary>{t('popupTechnicalDetail')}</summary>
          <p>
            {kept
              ? t('popupFeedProblem', moment(row.error.since))
              : t('popupFeedUnavailableSince', [moment(row.error.since), row.source ?? ''])}
          </p>
          <p className="error-detail">{row.error.message}</p>
        </details>
      )}
    </Notice>
  );
}

/** What the employee should know before anything else: storage trouble, a pause, the feed, the demo. */
export function Notices({ view, demoDismissed }: { view: PopupView; demoDismissed: boolean }) {
  const { row, tracking, problem } = view;
  // Mirrors feedStatus (lib/feed/status.ts), inlined: every byte counts in the popup's script.
  const trouble = !!row && (!!row.error || (!row.feed && row.source !== 'demo'));
  return (
    <>
      {problem && (
        <Notice tone="warn" testId="storage-problem">
          <p>{t('popupStorageProblem', moment(problem.since))}</p>
          <p className="error-detail">{problem.message}</p>
        </Notice>
      )}
      {tracking.state !== 'on' && (
        <Notice tone="warn" testId="tracking-paused">
          <p>
            {tracking.state === 'off'
              ? t('popupTrackingOff')
              : tracking.until
                ? t('popupPausedUntil', moment(tracking.until))
                : t('popupPaused')}
          </p>
          <p className="notice-actions">
            {tracking.state === 'paused' ? (
              <ResumeButton />
            ) : (
              <a href={optionsUrl('#tracking')} target="_blank" rel="noopener">
                {t('popupTurnOnLogging')}
              </a>
            )}
          </p>
        </Notice>
      )}
      {trouble && <FeedTrouble row={row} />}
      {row?.source === 'demo' && !demoDismissed && (
        <div className="demo-line" data-testid="demo-notice">
          <p>{t('popupDemoShort')}</p>
          <button
            type="button"
            className="icon"
            aria-label={t('popupDismiss')}
            title={t('popupDismiss')}
            data-testid="demo-dismiss"
            onClick={() => void browser.storage.local.set({ [DEMO_DISMISSED_KEY]: true })}
          >
            <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z"
              />
            </svg>
          </button>
        </div>
      )}
    </>
  );
}
