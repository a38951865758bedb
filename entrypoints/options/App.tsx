import { BrandMark } from '@/components/BrandMark';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { useManaged } from '@/components/privacy/managed';
import { t } from '@/lib/i18n';
import { AdminLink } from './AdminLink';
import { DataSection } from './DataSection';
import { FeedSection } from './FeedSection';
import { OutboxSection } from './OutboxSection';
import { PreviewSection } from './PreviewSection';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
import { SentLogSection } from './SentLogSection';
import { TrackingSection } from './TrackingSection';

/** Before the administrator's policy answered (seconds, on a browser's first start): none shown yet. */
const NO_POLICY_YET = { config: {}, problems: [] };

export function App() {
  const loaded = useSettingsStore((s) => s.loaded);
  // Drawn at once: the policy fills in when storage.managed answers.
  const policy = useManaged();
  const managed = policy ?? NO_POLICY_YET;
  if (!loaded) return <p role="status">{t('optionsLoading')}</p>;
  return (
    <main data-testid="options" data-policy={policy ? 'read' : 'pending'}>
      <h1>
        <BrandMark size={24} />
        {t('optionsTitle')}
      </h1>
      <p>{t('optionsIntro')}</p>
      <nav className="sw-toc" aria-label={t('optionsTocLabel')}>
        <ul>
          <li><a href="#feed">{t('optionsFeedHeading')}</a></li>
          <li><a href="#privacy">{t('optionsPrivacyHeading')}</a></li>
          <li><a href="#preview">{t('optionsPreviewHeading')}</a></li>
          <li><a href="#outbox">{t('optionsOutboxHeading')}</a></li>
          <li><a href="#sent-log">{t('optionsSentLogHeading')}</a></li>
          <li><a href="#tracking">{t('optionsTrackingHeading')}</a></li>
          <li><a href="#reminders">{t('optionsRemindersHeading')}</a></li>
          <li><a href="#data">{t('optionsDataHeading')}</a></li>
        </ul>
      </nav>
      <FeedSection managed={managed.config} />
      <PrivacySection managed={managed} />
      <PreviewSection managed={managed.config} />
      <OutboxSection managed={managed.config} />
      <SentLogSection />
      <TrackingSection />
      <RemindersSection />
      <DataSection />
      <AdminLink />
    </main>
  );
}
