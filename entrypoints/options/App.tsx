import { useEffect } from 'react';
import { BrandMark } from '@/components/BrandMark';
import { useManaged } from '@/components/privacy/managed';
import { SettingsRefused } from '@/components/privacy/SettingsRefused';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';
import { AdminLink } from './AdminLink';
import { DataSection } from './DataSection';
import { FeedSection } from './FeedSection';
import { ManagedSection } from './ManagedSection';
import { OutboxSection } from './OutboxSection';
import { PreviewSection } from './PreviewSection';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
import { SentLogSection } from './SentLogSection';
import { TrackingSection } from './TrackingSection';

/** Before the administrator's policy answered (seconds, on a browser's first start): none shown yet. */
const NO_POLICY_YET = { config: {}, problems: [] };

/**
 * Goes to the section the address names (#preview from the popup's privacy chip, #data, #privacy…):
 * the page is drawn after the settings load, too late for the browser's own jump, and a section under
 * "Advanced" is inside a closed disclosure until opened. Sections above it fill in from the database a
 * moment later (the history, the outbox), so for the first seconds the jump is kept until the employee
 * scrolls or types.
 */
function useDeepLink(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    let target: HTMLElement | null = null;
    const land = () => target?.scrollIntoView({ block: 'start' });
    const go = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      target = id ? document.getElementById(id) : null;
      const advanced = target?.closest('details');
      if (advanced) advanced.open = true;
      land();
    };
    const keep = new ResizeObserver(land);
    const stop = () => keep.disconnect();
    go();
    keep.observe(document.body);
    const settle = setTimeout(stop, 3000);
    window.addEventListener('hashchange', go);
    for (const e of ['wheel', 'keydown', 'pointerdown', 'touchstart'])
      window.addEventListener(e, stop, { once: true, passive: true });
    return () => {
      stop();
      clearTimeout(settle);
      window.removeEventListener('hashchange', go);
      for (const e of ['wheel', 'keydown', 'pointerdown', 'touchstart']) window.removeEventListener(e, stop);
    };
  }, [ready]);
}

/**
 * Options, in the order an employee asks: what my employer sees now, what may be reported, logging,
 * reminders, my data; the company feed, the outbox and the sent log under "Advanced".
 */
export function App() {
  const loaded = useSettingsStore((s) => s.loaded);
  // Drawn at once: the policy fills in when storage.managed answers (seconds on a browser's first start).
  const policy = useManaged();
  const managed = policy ?? NO_POLICY_YET;
  useDeepLink(loaded);
  if (!loaded) return <p role="status">{t('optionsLoading')}</p>;
  return (
    <main data-testid="options" data-policy={policy ? 'read' : 'pending'}>
      <h1>
        <BrandMark size={24} />
        {t('optionsTitle')}
      </h1>
      <nav className="sw-toc" aria-label={t('optionsTocLabel')}>
        <ul>
          <li>
            <a href="#preview">{t('optionsTocPreview')}</a>
          </li>
          <li>
            <a href="#privacy">{t('optionsTocPrivacy')}</a>
          </li>
          <li>
            <a href="#tracking">{t('optionsTocTracking')}</a>
          </li>
          <li>
            <a href="#reminders">{t('optionsRemindersHeading')}</a>
          </li>
          <li>
            <a href="#data">{t('optionsDataHeading')}</a>
          </li>
          <li>
            <a href="#advanced">{t('optionsAdvancedHeading')}</a>
          </li>
        </ul>
      </nav>
      <PreviewSection managed={managed.config} />
      <PrivacySection managed={managed} />
      <TrackingSection />
      <RemindersSection />
      <DataSection />
      <details className="sw-advanced" data-testid="advanced">
        <summary>
          <h2 id="advanced">{t('optionsAdvancedHeading')}</h2>
        </summary>
        <p className="sw-hint">{t('optionsAdvancedIntro')}</p>
        <FeedSection managed={managed.config} />
        <ManagedSection managed={managed} />
        <OutboxSection managed={managed.config} />
        <SentLogSection />
        <AdminLink />
      </details>
      <SettingsRefused />
    </main>
  );
}
