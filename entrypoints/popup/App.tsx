import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { getDb, type FeedCacheRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import { sendToBackground as sendMessage } from '@/lib/messaging/send';
import { readStorageProblem, STORAGE_PROBLEM_KEY, type StorageProblem } from '@/lib/storage-problem';
import { trackingState, type TrackingState } from '@/lib/ui/tracking-state';
import { moment } from './format';
import { Posts } from './Posts';
import { Progress } from './Progress';
import { Vision } from './Vision';

// Loaded when the employee opens "Suggest this page": its own chunk keeps the popup's script in budget.
const SuggestPage = lazy(() => import('@/components/SuggestPage'));

/** "Suggest this page" behind a disclosure; the component is fetched on first open. */
function SuggestDisclosure() {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="suggest-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('popupSuggestOpen')}</summary>
      {open && (
        <Suspense>
          <SuggestPage />
        </Suspense>
      )}
    </details>
  );
}

/** Local logging state from browser.storage.local, kept current while the popup is open. */
function useTracking(now: number): TrackingState {
  const [state, setState] = useState<TrackingState>({ state: 'on' });
  useEffect(() => {
    const read = () => browser.storage.local.get('settings').then((s) => setState(trackingState(s.settings, now)));
    void read();
    browser.storage.local.onChanged.addListener(read);
    return () => browser.storage.local.onChanged.removeListener(read);
  }, [now]);
  return state;
}

/** A share the background could not store (browser storage full or broken), kept current while open. */
function useStorageProblem(): StorageProblem | null {
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  useEffect(() => {
    const read = () => browser.storage.local.get(STORAGE_PROBLEM_KEY).then((s) => setProblem(readStorageProblem(s[STORAGE_PROBLEM_KEY])));
    void read();
    browser.storage.local.onChanged.addListener(read);
    return () => browser.storage.local.onChanged.removeListener(read);
  }, []);
  return problem;
}

function StateNotices({ row, tracking }: { row: FeedCacheRow | undefined; tracking: TrackingState }) {
  // Mirrors feedStatus (lib/feed-status.ts), inlined: every byte counts in the popup's script.
  const unavailable = !!row && !row.feed && row.source !== 'demo';
  const storage = useStorageProblem();
  return (
    <>
      {storage && (
        <Notice tone="warn" testId="storage-problem">
          <p>{t('popupStorageProblem', moment(storage.since))}</p>
          <p className="error-detail">{storage.message}</p>
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
        </Notice>
      )}
      {unavailable ? (
        // A company feed is configured but none loaded yet: say so, and show no demo posts as the employer's.
        <Notice tone="warn" testId="feed-unavailable">
          <p>{t('popupFeedUnavailable')}</p>
          {row.error && (
            <>
              <p>{t('popupFeedUnavailableSince', [moment(row.error.since), row.source ?? ''])}</p>
              <p className="error-detail">{row.error.message}</p>
            </>
          )}
          <p>{t('popupFeedUnavailableNoDemo')}</p>
        </Notice>
      ) : row?.error && (
        <Notice tone="warn" testId="feed-problem">
          <p>{t('popupFeedProblem', moment(row.error.since))}</p>
          <p className="error-detail">{row.error.message}</p>
          {row.feed && <p>{t('popupFeedKept')}</p>}
        </Notice>
      )}
      {row?.source === 'demo' && (
        <Notice tone="info" testId="demo-notice">
          <p>{t('popupDemo')}</p>
        </Notice>
      )}
    </>
  );
}

export function App() {
  const [now] = useState(Date.now);
  const row = useLiveQuery(() => getDb().feedCache.get('current'), [], null);
  const tracking = useTracking(now);
  useEffect(() => {
    // Clears the toolbar badge: what the popup shows now counts as seen.
    sendMessage('ui:popupOpened', {}).catch(() => undefined);
  }, []);

  if (row === null) {
    return (
      <main>
        <p role="status">{t('popupLoading')}</p>
      </main>
    );
  }
  const feed = row?.feed ?? null;
  return (
    <main>
      {feed ? <Vision feed={feed} /> : <h1 data-testid="vision-headline">{t('popupNoFeed')}</h1>}
      <StateNotices row={row} tracking={tracking} />
      {feed && <Posts feed={feed} now={now} />}
      <Progress program={feed?.program} now={now} />
      <SuggestDisclosure />
    </main>
  );
}
