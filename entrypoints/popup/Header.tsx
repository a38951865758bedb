import { browser } from 'wxt/browser';
import { BrandMark } from '@/components/BrandMark';
import { t } from '@/lib/i18n';
import type { PopupView } from '@/lib/ui/snapshot';

export const optionsUrl = (hash = '') => (browser.runtime.getURL as (path: string) => string)(`/options.html${hash}`);

/** Brand, company, what leaves the browser (a chip that opens "What my employer sees"), settings. */
export function Header({
  company,
  reporting,
  schedule,
}: {
  company: string;
  reporting: PopupView['reporting'];
  schedule: 'weekly' | 'monthly';
}) {
  const chip = reporting.enabled
    ? t('popupChipReported', [
        t(schedule === 'monthly' ? 'popupScheduleMonthly' : 'popupScheduleWeekly'),
        t(reporting.identity === 'named' ? 'popupIdentityNamed' : 'popupIdentityAnonymous'),
      ])
    : t('popupChipPrivate');
  return (
    <header className="top">
      <BrandMark />
      <p className="company" data-testid="company-name">
        {company}
      </p>
      <a
        className={`chip ${reporting.enabled ? 'chip-on' : ''}`}
        href={optionsUrl('#preview')}
        target="_blank"
        rel="noopener"
        data-testid="privacy-chip"
        title={t('popupEmployerSees')}
      >
        {chip}
      </a>
      <a
        className="icon-link"
        href={optionsUrl()}
        target="_blank"
        rel="noopener"
        aria-label={t('popupSettings')}
        title={t('popupSettings')}
        data-testid="settings-link"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M19.4 13a7.8 7.8 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7.6 7.6 0 0 0-1.7-1L15 3.5h-4l-.4 2.5a7.6 7.6 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.8 7.8 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7.6 7.6 0 0 0 1.7 1l.4 2.5h4l.4-2.5a7.6 7.6 0 0 0 1.7-1l2.4 1 2-3.4zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
            transform="translate(-1 0)"
          />
        </svg>
      </a>
    </header>
  );
}
