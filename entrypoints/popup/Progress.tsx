import { browser } from 'wxt/browser';
import { ProgressBar } from '@/components/ProgressBar';
import { WeekChart } from '@/components/WeekChart';
import type { Program } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import { computeProgressFromDays } from '@/lib/progress';
import type { PopupData } from '@/lib/ui/popup-data';
import { day, num } from './format';

/** The employee's own progress: points toward the threshold, a calm rhythm, no streaks. */
export function Progress({ program, now, rows, anyEver }: { program: Program | undefined; now: number; rows: PopupData['progress']; anyEver: boolean }) {
  // `rows` is the summary (lib/stats.ts) that lib/ui/popup-data.ts read: day totals of the last ~12
  // weeks and the program period's posts, a few hundred rows however many shares were logged.
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
      {!anyEver && <p data-testid="no-shares">{t('popupNoSharesYet')}</p>}
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
