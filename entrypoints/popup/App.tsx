import { lazy, Suspense, useState } from 'react';
import { Notice } from '@/components/Notice';
import { ReportPausePrompt } from '@/components/ReportPausePrompt';
import { StorageErrorMessage } from '@/components/StorageError';
import { t } from '@/lib/i18n';
import type { StorageProblem } from '@/lib/storage-problem';
import { popupView, type PopupView } from '@/lib/ui/snapshot';
import type { TrackingState } from '@/lib/ui/tracking-state';
import { moment } from './format';
import { useLive } from './live';
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

function StateNotices({ row, tracking, storage }: { row: PopupView['row']; tracking: TrackingState; storage: StorageProblem | null }) {
  // Mirrors feedStatus (lib/feed/status.ts), inlined: every byte counts in the popup's script.
  const unavailable = !!row && !row.feed && row.source !== 'demo';
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

/** The popup, rendered from the snapshot the background keeps (./live.ts, lib/ui/snapshot.ts). */
export function App({ now }: { now: number }) {
  const snapshot = useLive((s) => s.snapshot);
  if (!snapshot || (!snapshot.feed && !snapshot.dbError)) {
    // First run: the background has not stored the first feed (or any snapshot) yet.
    return (
      <main>
        {/* Every screen has a level-one heading (axe: page-has-heading-one); the feed's vision has none yet. */}
        <h1>{t('extName')}</h1>
        <p role="status" data-testid="first-run">{t('popupGettingPosts')}</p>
      </main>
    );
  }
  const data = popupView(snapshot, now);
  // The background could not read the database: say what went wrong.
  if (data.dbError) return <StorageErrorMessage error={data.dbError} fromStorage />;
  const { row, tracking, problem } = data;
  const feed = row?.feed ?? null;
  return (
    <main>
      {feed ? <Vision feed={feed} /> : <h1 data-testid="vision-headline">{t('popupNoFeed')}</h1>}
      <StateNotices row={row} tracking={tracking} storage={problem} />
      <ReportPausePrompt place="popup" />
      {feed && <Posts posts={data.posts} shared={data.shared} />}
      <Progress program={feed?.program} now={now} rows={data.progress} anyEver={data.anyEver} />
      <SuggestDisclosure />
    </main>
  );
}
