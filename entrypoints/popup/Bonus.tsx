import { ProgressBar } from '@/components/ProgressBar';
import type { Program } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import type { Progress } from '@/lib/progress';
import type { PopupView } from '@/lib/ui/snapshot';
import { num } from './format';
import { optionsUrl } from './Header';

const DAY = 86_400_000;

/** My bonus: points toward the threshold, what is left, whether the employer can credit it, and the rhythm in one line. */
export function Bonus({
  p,
  program,
  anyEver,
  company,
  reporting,
  schedule,
  now,
}: {
  p: Progress;
  program: Program | undefined;
  anyEver: boolean;
  company: string;
  reporting: PopupView['reporting'];
  schedule: 'weekly' | 'monthly';
  now: number;
}) {
  const daysLeft = Math.max(1, Math.ceil((p.period.end - now) / DAY));
  const left = daysLeft === 1 ? t('popupLastDay') : t('popupDaysLeft', String(daysLeft));
  return (
    <section className="bonus" aria-labelledby="bonus-heading">
      <h2 id="bonus-heading" className="sr-only">
        {t('popupBonusHeading')}
      </h2>
      {program && p.threshold !== null && (
        <>
          <p className="points-line">
            <strong data-testid="points">{t('popupPointsOf', [num(p.points), num(p.threshold)])}</strong>
            <span className="muted"> {program.name}</span>
          </p>
          <ProgressBar
            label={t('popupPointsLabel')}
            value={p.points}
            max={p.threshold}
            valueText={t('popupPoints', [num(p.points), num(p.threshold)])}
            testId="points-bar"
          />
          <p data-testid="points-remaining" className="to-go">
            {p.remaining ? t('popupToGo', [num(p.remaining), left]) : t('popupQualified')}
          </p>
          <p className="credit" data-testid="credit">
            {reporting.enabled ? (
              t('popupCreditOn', [t(schedule === 'monthly' ? 'popupScheduleMonthly' : 'popupScheduleWeekly'), company])
            ) : (
              <>
                {t('popupCreditOff', company)}{' '}
                <a href={optionsUrl('#privacy')} target="_blank" rel="noopener">
                  {t('popupCreditTurnOn')}
                </a>
              </>
            )}
          </p>
        </>
      )}
      {anyEver ? (
        <p className="rhythm-line">
          <span data-testid="share-count" data-week={p.thisWeek} data-month={p.thisMonth}>
            {p.thisMonth === 1 ? t('popupShareThisMonthOne') : t('popupSharesThisMonth', num(p.thisMonth))}
          </span>
          {' · '}
          <span data-testid="rhythm">{t('popupActiveWeeks', String(p.activeOfLast4))}</span>
        </p>
      ) : (
        <p className="rhythm-line" data-testid="no-shares">
          {t('popupFirstShare')}
        </p>
      )}
    </section>
  );
}
