import { browser } from 'wxt/browser';
import { BrandMark } from '@/components/BrandMark';
import { IdentityControls } from '@/components/privacy/IdentityControls';
import { PrivacyToggle } from '@/components/privacy/PrivacyToggle';
import { SettingsRefused } from '@/components/privacy/SettingsRefused';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';

const STEPS = [
  { title: 'welcomeStepPinTitle', text: 'welcomeStepPin' },
  { title: 'welcomeStepShareTitle', text: 'welcomeStepShare' },
  { title: 'welcomeStepPointsTitle', text: 'welcomeStepPoints' },
];

/** Opened once on install: three steps to the first points, and the privacy choices (each saved when made). */
export function App() {
  const { settings, loaded, update } = useSettingsStore();
  if (!loaded) return <p role="status">{t('optionsLoading')}</p>;
  return (
    <main data-testid="welcome">
      <h1>
        <BrandMark size={24} />
        {t('welcomeTitle')}
      </h1>
      <p>{t('welcomeIntro')}</p>

      <ol className="sw-steps" data-testid="welcome-steps">
        {STEPS.map((s) => (
          <li key={s.title}>
            <h2>{t(s.title)}</h2>
            <p>{t(s.text)}</p>
          </li>
        ))}
      </ol>

      <section aria-labelledby="choices" className="sw-card">
        <h2 id="choices">{t('welcomeChoicesHeading')}</h2>
        <p className="sw-hint">{t('welcomeRecordedShort')}</p>
        <p className="sw-hint" data-testid="welcome-kept-text">
          {t('welcomeRecordedText')}
        </p>
        <p className="sw-hint">{t('welcomeNeverShort')}</p>
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
          onChange={(enabled) =>
            void update((s) => ({ ...s, reporting: { ...s.reporting, enabled, consentedEndpoint: null } }))
          }
        />
        {/* Who the reports are from matters only once there are reports. */}
        {settings.reporting.enabled && (
          <>
            <IdentityControls />
            <p className="sw-hint">{t('welcomeBonusHint')}</p>
          </>
        )}
      </section>

      <div className="sw-row">
        <button type="button" data-testid="welcome-done" onClick={() => void update((s) => ({ ...s, welcomed: true }))}>
          {t('welcomeDone')}
        </button>
        <a href={browser.runtime.getURL('/options.html')} data-testid="welcome-options">
          {t('welcomeMoreOptions')}
        </a>
      </div>
      {settings.welcomed && (
        <p role="status" className="sw-success" data-testid="welcome-saved">
          {t('welcomeSaved')}
        </p>
      )}
      <SettingsRefused />
    </main>
  );
}
