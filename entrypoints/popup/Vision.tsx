import { ProgressBar } from '@/components/ProgressBar';
import type { Feed } from '@/lib/feed/schema';
import { t } from '@/lib/i18n';
import { isoDay, num } from './format';

/** What the company is trying to achieve and how close it is: always first, kept compact. */
export function Vision({ feed }: { feed: Feed }) {
  const { vision } = feed;
  return (
    <header className="vision" aria-labelledby="vision-headline">
      <p className="company muted" data-testid="company-name">{feed.company.name}</p>
      <h1 id="vision-headline" data-testid="vision-headline">{vision.headline}</h1>
      {vision.statement && <p className="statement">{vision.statement}</p>}
      {vision.measures.length > 0 && (
        <ul className="measures">
          {vision.measures.map((m) => {
            const unit = m.unit ? ` ${m.unit}` : '';
            const value = t('popupMeasureValue', [num(m.current), num(m.target), unit]);
            const when = [m.period, m.updatedAt && t('popupAsOf', isoDay(m.updatedAt))].filter(Boolean).join(' · ');
            return (
              <li key={m.id} data-testid={`measure-${m.id}`}>
                <div className="measure-head">
                  <span>{m.label}</span>
                  <span className="measure-value">{value}</span>
                </div>
                <ProgressBar label={m.label} value={m.current} max={m.target} valueText={value} />
                {when && <p className="measure-when muted">{when}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </header>
  );
}
