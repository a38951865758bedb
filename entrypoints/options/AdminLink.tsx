import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** "For administrators": the company tools (feed studio, participation), a page of their own. */
export function AdminLink() {
  return (
    <section aria-labelledby="admin">
      <h2 id="admin">{t('optionsAdminHeading')}</h2>
      <p>
        {t('optionsAdminIntro')}{' '}
        <a
          href={(browser.runtime.getURL as (path: string) => string)('/company.html')}
          target="_blank"
          rel="noopener"
          data-testid="company-tools"
        >
          {t('optionsAdminLink')}
        </a>
      </p>
    </section>
  );
}
