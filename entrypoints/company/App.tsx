import { t } from '@/lib/i18n';
import { FeedStudio } from './FeedStudio';
import { Participation } from './Participation';

/** Company tools: for the people who run the feed and the bonus program. Everything stays in this page. */
export function App() {
  return (
    <main data-testid="company">
      <h1>{t('companyTitle')}</h1>
      <p>{t('companyIntro')}</p>
      <nav className="sw-toc" aria-label={t('companyTocLabel')}>
        <ul>
          <li>
            <a href="#studio">{t('companyStudioHeading')}</a>
          </li>
          <li>
            <a href="#participation">{t('companyParticipationHeading')}</a>
          </li>
        </ul>
      </nav>
      <FeedStudio />
      <Participation />
    </main>
  );
}
