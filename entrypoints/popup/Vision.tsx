import { ProgressBar } from '@/components/ProgressBar';
import type { Feed } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import { isoDay, num } from './format';

/** What the company is trying to achieve, as a strip: the headline, each measure as one compact bar, the rest on demand. */
export function Vision({ feed }: { feed: Feed }) {
  const { vision } = feed;
  const dated = vision.measures.filter((m) => m.period || m.updatedAt);
  return (
    <section className="vision" aria-labelledby="vision-headline">
      <h1 id="vision-headline" data-testid="vision-headline">
        {vision.headline}
      </h1>
      {vision.measures.length > 0 && (
        <ul className="measures">
          {vision.measures.map((m) => {
            const unit = m.unit ? ` ${m.unit}` : '';
            const value = t('popupMeasureValue', [num(m.current), num(m.target), unit]);
            return (
              <li key={m.id} data-testid={`measure-${m.id}`}>
                <span className="measure-label">{m.label}</span>
                <span className="measure-value">{value}</span>
                <ProgressBar label={m.label} value={m.current} max={m.target} valueText={value} />
              </li>
            );
          })}
        </ul>
      )}
      {(vision.statement || dated.length > 0) && (
        <details className="why" data-testid="why">
          <summary>{t('popupWhyItMatters')}</summary>
          {vision.statement && <p className="statement">{vision.statement}</p>}
          {dated.length > 0 && (
            <ul className="measure-dates">
              {dated.map((m) => (
                <li key={m.id} data-testid={`measure-when-${m.id}`}>
                  {m.label}:{' '}
                  {[m.period, m.updatedAt && t('popupAsOf', isoDay(m.updatedAt))].filter(Boolean).join(' · ')}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </section>
  );
}
