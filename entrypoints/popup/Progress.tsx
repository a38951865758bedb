import { WeekChart } from '@/components/WeekChart';
import type { Program } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import type { Progress as ProgressData } from '@/lib/progress';
import { shortDay } from './format';
import { optionsUrl } from './Header';

/** Below the posts: the weekly rhythm as a chart, how points work, and what the employer sees. */
export function Progress({ p, program }: { p: ProgressData; program: Program | undefined }) {
  return (
    <section className="progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('popupProgressHeading')}</h2>
      <WeekChart
        caption={t('popupChartCaption')}
        tableToggle={t('popupChartTable')}
        labelHeader={t('popupChartWeek')}
        valueHeader={t('popupChartShares')}
        currentLabel={t('popupChartThisWeek')}
        bars={p.weeks.map((w) => ({ label: shortDay(w.start), value: w.shares }))}
      />
      {program && (
        <details data-testid="how-points">
          <summary>{t('popupRules')}</summary>
          {/* The company's own words when it gave some; otherwise the program's numbers. */}
          {program.rules ? (
            <p>{program.rules}</p>
          ) : (
            <>
              <p>
                {t('popupPointsRule', [
                  String(program.points.linkedin),
                  String(program.points.x),
                  t(`popupPeriod_${program.period}`),
                ])}
              </p>
              {!!program.points.ownContent && <p>{t('popupPointsOwn', String(program.points.ownContent))}</p>}
            </>
          )}
        </details>
      )}
      <p>
        {/* The options page shows exactly what the employer receives; a plain link opens it in a tab. */}
        <a href={optionsUrl('#preview')} target="_blank" rel="noopener" data-testid="employer-view">
          {t('popupEmployerSees')}
        </a>
      </p>
    </section>
  );
}
