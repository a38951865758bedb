import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { ProgressBar } from '@/components/ProgressBar';
import { WeekChart } from '@/components/WeekChart';
import { getDb } from '@/lib/db';
import type { Program } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import { computeProgressFromDays, sinceFor } from '@/lib/progress';
import { periodContaining } from '@/lib/period';
import { hasAnyShare, progressRows } from '@/lib/ui/queries';
import { day, num } from './format';

/** The employee's own progress: points toward the threshold, a calm rhythm, no streaks. */
export function Progress({ program, now }: { program: Program | undefined; now: number }) {
  const db = getDb();
  const since = sinceFor(program, now);
  // The summary (lib/stats.ts): day totals of the last ~12 weeks and the program period's posts, each
  // an indexed read of a few hundred rows however many shares were logged; never the share log itself.
  // (`now` is fixed while the popup is open.)
  const rows = useLiveQuery(() => progressRows(db, since, program && periodContaining(program.period, now)), [since, program?.period]);
  // Was anything ever shared? Reads at most one key; its own query, so it never waits on another's result.
  const anyEver = useLiveQuery(() => hasAnyShare(db), []);
  if (!rows) return <p role="status">{t('popupLoading')}</p>;

  const p = computeProgressFromDays(rows.totals, rows.posts, program, now);
  return (
    <section className="progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('popupProgressHeading')}</h2>
      {program && p.threshold !== null && (
        <div className="points">
          <p>
            <strong data-testid="points">{t('popupPoints', [num(p.points), num(p.threshold)])}</strong>{' '}
            <span className="muted">
              {program.name} · {t(`popupPeriod_${program.period}`)}
            </span>
          </p>
          <ProgressBar
            label={t('popupPointsLabel')}
            value={p.points}
            max={p.threshold}
            valueText={t('popupPoints', [num(p.points), num(p.threshold)])}
            testId="points-bar"
          />
          <p data-testid="points-remaining">
            {p.remaining ? t('popupPointsToGo', num(p.remaining)) : t('popupQualified')}
          </p>
        </div>
      )}
      {anyEver === false && <p data-testid="no-shares">{t('popupNoSharesYet')}</p>}
      <p data-testid="share-count" data-week={p.thisWeek} data-month={p.thisMonth}>
        {t('popupWeekMonth', [num(p.thisWeek), num(p.thisMonth)])}
      </p>
      <p data-testid="by-network">{t('popupByNetwork', [num(p.byNetwork.linkedin), num(p.byNetwork.x)])}</p>
      <WeekChart
        caption={t('popupChartCaption')}
        tableToggle={t('popupChartTable')}
        labelHeader={t('popupChartWeek')}
        valueHeader={t('popupChartShares')}
        bars={p.weeks.map((w) => ({ label: day(w.start), value: w.shares }))}
      />
      <p data-testid="rhythm">{t('popupRhythm', String(p.activeOfLast4))}</p>
      {program?.rules && (
        <details>
          <summary>{t('popupRules')}</summary>
          <p>{program.rules}</p>
        </details>
      )}
      <p>
        {/* The options page (privacy) shows exactly what the employer receives; a plain link opens it in a tab. */}
        <a href={(browser.runtime.getURL as (path: string) => string)('/options.html')} target="_blank" rel="noopener" data-testid="employer-view">
          {t('popupEmployerSees')}
        </a>
      </p>
    </section>
  );
}
