import { lazy, Suspense, useState } from 'react';
import { BrandMark } from '@/components/BrandMark';
import { ClaimDisclosure, MissedSharesNotice } from '@/components/MissedShares';
import { ReportPausePrompt } from '@/components/ReportPausePrompt';
import { StorageErrorMessage } from '@/components/StorageError';
import { t } from '@/lib/i18n';
import { computeProgressFromDays } from '@/lib/progress';
import { popupView } from '@/lib/ui/snapshot';
import { Bonus } from './Bonus';
import { Header } from './Header';
import { useLive } from './live';
import { Notices } from './Notices';
import { Posts } from './Posts';
import { Progress } from './Progress';
import { Vision } from './Vision';

// Loaded when the employee opens "Suggest this page": its own chunk keeps the popup's script in budget.
const SuggestPage = lazy(() => import('@/components/SuggestPage'));

/** "Suggest this page" behind a disclosure; the component is fetched on first open. */
function SuggestDisclosure() {
  const [open, setOpen] = useState(false);
  return (
    <details className="suggest" data-testid="suggest-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('popupSuggestOpen')}</summary>
      {open && (
        <Suspense>
          <SuggestPage />
        </Suspense>
      )}
    </details>
  );
}

/**
 * The popup, rendered from the snapshot the background keeps (./live.ts, lib/ui/snapshot.ts). The
 * first 600 px hold the employee's own bonus, the company's vision and the first posts to share;
 * the chart, how points work and "Suggest this page" follow.
 */
export function App({ now }: { now: number }) {
  const snapshot = useLive((s) => s.snapshot);
  const demoDismissed = useLive((s) => s.demoDismissed);
  if (!snapshot || (!snapshot.feed && !snapshot.dbError)) {
    // First run: the background has not stored the first feed (or any snapshot) yet.
    return (
      <main className="first-run">
        {/* Every screen has a level-one heading (axe: page-has-heading-one); the feed's vision has none yet. */}
        <h1>
          <BrandMark size={24} />
          {t('extName')}
        </h1>
        <p role="status" data-testid="first-run">
          {t('popupGettingPosts')}
        </p>
      </main>
    );
  }
  const view = popupView(snapshot, now);
  // The background could not read the database: say what went wrong.
  if (view.dbError) return <StorageErrorMessage error={view.dbError} fromStorage />;
  const feed = view.row?.feed ?? null;
  const program = feed?.program;
  const p = computeProgressFromDays(view.progress.totals, view.progress.posts, program, now);
  const company = feed?.company.name ?? '';
  const schedule = feed?.reporting?.schedule === 'monthly' ? 'monthly' : 'weekly';
  return (
    <>
      <Header company={company} reporting={view.reporting} schedule={schedule} />
      <main>
        <Notices view={view} demoDismissed={demoDismissed} />
        <ReportPausePrompt place="popup" />
        <MissedSharesNotice now={now} />
        <Bonus
          p={p}
          program={program}
          anyEver={view.anyEver}
          company={company}
          reporting={view.reporting}
          schedule={schedule}
          now={now}
        />
        {feed ? <Vision feed={feed} /> : <h1 data-testid="vision-headline">{t('popupNoFeed')}</h1>}
        {feed && <Posts posts={view.posts} shared={view.shared} program={program} />}
        <Progress p={p} program={program} />
        <ClaimDisclosure posts={view.posts} />
        <SuggestDisclosure />
      </main>
    </>
  );
}
