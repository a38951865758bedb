import { browser } from 'wxt/browser';
import { IdentityControls } from '@/components/privacy/IdentityControls';
import { PrivacyToggle } from '@/components/privacy/PrivacyToggle';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';

/** Opened once on install: what is recorded, what is never read, and the first choices. */
export function App() {
  const { settings, loaded, update } = useSettingsStore();
  if (!loaded) return <p role="status">{t('optionsLoading')}</p>;
  return (
    <main data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>

      <section aria-labelledby="recorded" className="sw-card">
        <h2 id="recorded">{t('welcomeRecordedHeading')}</h2>
        <ul>
          <li>{t('welcomeRecordedWhen')}</li>
          <li>{t('welcomeRecordedNetwork')}</li>
          <li>{t('welcomeRecordedPost')}</li>
          <li data-testid="welcome-kept-text">{t('welcomeRecordedText')}</li>
        </ul>
        <p>{t('welcomeRecordedLocal')}</p>
      </section>

      <section aria-labelledby="never" className="sw-card">
        <h2 id="never">{t('welcomeNeverHeading')}</h2>
        <p>{t('welcomeNeverRead')}</p>
      </section>

      <section aria-labelledby="nothing" className="sw-card">
        <h2 id="nothing">{t('welcomeReportHeading')}</h2>
        <p>{t('welcomeReportText')}</p>
      </section>

      <section aria-labelledby="choices">
        <h2 id="choices">{t('welcomeChoicesHeading')}</h2>
        <PrivacyToggle
          label={t('welcomeKeepLogging')}
          hint={t('welcomeKeepLoggingHint')}
          checked={settings.tracking.enabled}
          testId="welcome-logging"
          onChange={(enabled) => void update((s) => ({ ...s, tracking: { ...s.tracking, enabled } }))}
        />
        <PrivacyToggle
          label={t('welcomeReporting')}
          hint={t('welcomeReportingHint')}
          checked={settings.reporting.enabled}
          testId="welcome-reporting"
          onChange={(enabled) => void update((s) => ({ ...s, reporting: { ...s.reporting, enabled, consentedEndpoint: null } }))}
        />
        <IdentityControls />
        <p className="sw-hint">{t('welcomeBonusHint')}</p>
      </section>

      <div className="sw-row">
        <button
          type="button"
          data-testid="welcome-done"
          onClick={() => void update((s) => ({ ...s, welcomed: true }))}
        >
          {t('welcomeDone')}
        </button>
        <a href={browser.runtime.getURL('/options.html')} data-testid="welcome-options">{t('welcomeMoreOptions')}</a>
      </div>
      {settings.welcomed && (
        <p role="status" className="sw-success" data-testid="welcome-saved">{t('welcomeSaved')}</p>
      )}
    </main>
  );
}
