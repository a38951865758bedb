import { t } from '@/lib/i18n';
import { useSettingsStore } from './settings-store';

/**
 * Says that the latest settings change was not stored (the background refused it, or storage did), on
 * every page that changes settings: the controls already show the settings as stored again. Kept in view
 * at the bottom of the window, since the control that was changed may be anywhere on the page.
 */
export function SettingsRefused() {
  const refused = useSettingsStore((s) => s.refused);
  const dismiss = useSettingsStore((s) => s.dismissRefused);
  return refused === null ? null : <SettingsRefusedMessage reason={refused} onClose={dismiss} />;
}

export function SettingsRefusedMessage({ reason, onClose }: { reason: string; onClose(): void }) {
  return (
    <div className="sw-refused" role="alert" data-testid="settings-refused">
      <p>
        <strong>{t('settingsRefusedTitle')}</strong> {t('settingsRefusedBody')}
      </p>
      <details>
        <summary>{t('storageErrorDetails')}</summary>
        {/* Rendered as text, cut short: the reason comes from the background. */}
        <p className="sw-hint">{reason.slice(0, 300)}</p>
      </details>
      <button type="button" className="sw-secondary" data-testid="settings-refused-close" onClick={onClose}>
        {t('settingsRefusedClose')}
      </button>
    </div>
  );
}
