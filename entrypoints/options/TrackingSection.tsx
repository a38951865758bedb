import { useId, useState } from 'react';
import { PrivacyToggle } from '@/components/privacy/PrivacyToggle';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/settings';
import { useNow } from '@/components/use-now';

type Tracking = Settings['tracking'];

function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local logging on this device: on/off, per network, pauses, and whether post text is kept. */
export function TrackingSection() {
  const { settings, update } = useSettingsStore();
  const tr = settings.tracking;
  const setTracking = (patch: Partial<Tracking>) =>
    void update((s) => ({ ...s, tracking: { ...s.tracking, ...patch } }));
  const dateId = useId();
  const [until, setUntil] = useState('');
  const [forgotten, setForgotten] = useState<string | null>(null);
  const now = useNow();
  const paused = tr.paused && (tr.pausedUntil === null || now < tr.pausedUntil);

  return (
    <section aria-labelledby="tracking">
      <h2 id="tracking">{t('optionsTrackingHeading')}</h2>
      <PrivacyToggle
        label={t('optionsTrackingEnabled')}
        hint={t('optionsTrackingEnabledHint')}
        checked={tr.enabled}
        testId="tracking-enabled"
        onChange={(enabled) => setTracking({ enabled })}
      />
      <PrivacyToggle
        label={t('optionsTrackingLinkedIn')}
        hint={t('optionsTrackingNetworkHint')}
        checked={tr.networks.linkedin}
        testId="tracking-linkedin"
        onChange={(on) => setTracking({ networks: { ...tr.networks, linkedin: on } })}
      />
      <PrivacyToggle
        label={t('optionsTrackingX')}
        hint={t('optionsTrackingNetworkHint')}
        checked={tr.networks.x}
        testId="tracking-x"
        onChange={(on) => setTracking({ networks: { ...tr.networks, x: on } })}
      />
      <div className="sw-card">
        <h3>{t('optionsPauseHeading')}</h3>
        <p role="status" data-testid="pause-status">
          {!paused
            ? t('optionsPauseActive')
            : tr.pausedUntil === null
              ? t('optionsPausedIndefinitely')
              : t('optionsPausedUntil', new Date(tr.pausedUntil).toLocaleDateString())}
        </p>
        {paused ? (
          <button type="button" data-testid="resume" onClick={() => setTracking({ paused: false, pausedUntil: null })}>
            {t('optionsResume')}
          </button>
        ) : (
          <div className="sw-row">
            <button type="button" data-testid="pause" onClick={() => setTracking({ paused: true, pausedUntil: null })}>
              {t('optionsPauseUntilResumed')}
            </button>
            <label htmlFor={dateId}>{t('optionsPauseDateLabel')}</label>
            <input
              id={dateId}
              type="date"
              min={tomorrow()}
              value={until}
              data-testid="pause-date"
              onChange={(e) => setUntil(e.currentTarget.value)}
            />
            <button
              type="button"
              className="sw-secondary"
              disabled={!/^\d{4}-\d{2}-\d{2}$/.test(until)}
              data-testid="pause-until-date"
              onClick={() => {
                const [y, m, d] = until.split('-').map(Number) as [number, number, number];
                // Logging resumes at the start of the chosen day, local time.
                setTracking({ paused: true, pausedUntil: new Date(y, m - 1, d).getTime() });
              }}
            >
              {t('optionsPauseUntilDate')}
            </button>
          </div>
        )}
      </div>
      <PrivacyToggle
        label={t('optionsKeepText')}
        hint={t('optionsKeepTextHint')}
        checked={settings.keepText}
        testId="keep-text"
        onChange={(keepText) => void update((s) => ({ ...s, keepText }))}
      />
      {!settings.keepText && (
        <div className="sw-row">
          <button
            type="button"
            className="sw-secondary"
            data-testid="forget-texts"
            onClick={() =>
              void sendMessage('ui:forgetTexts', {}).then((r) =>
                setForgotten('rejected' in r ? r.rejected : t('optionsForgetTextsDone', String(r.changed))),
              )
            }
          >
            {t('optionsForgetTexts')}
          </button>
          <span role="status">{forgotten}</span>
        </div>
      )}
    </section>
  );
}
