import { useId } from 'react';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { ChoiceGroup } from './ChoiceGroup';
import { DraftInput } from './DraftInput';
import { useSettingsStore } from './settings-store';

/** Anonymous install id by default; a name and email only if the employee types them. */
export function IdentityControls() {
  const { settings, update } = useSettingsStore();
  const id = useId();
  const r = settings.reporting;
  const setReporting = (patch: Partial<Settings['reporting']>) =>
    void update((s) => ({ ...s, reporting: { ...s.reporting, ...patch } }));
  return (
    <div>
      <ChoiceGroup
        legend={t('optionsIdentityLabel')}
        hint={t('optionsIdentityHint')}
        value={r.fields.identity}
        testId="identity"
        options={[
          { value: 'anonymous', label: t('optionsIdentityAnonymous') },
          { value: 'named', label: t('optionsIdentityNamed') },
        ]}
        onChange={(identity) => setReporting({ fields: { ...r.fields, identity } })}
      />
      {r.fields.identity === 'named' && (
        <div className="sw-row">
          <label htmlFor={`${id}-name`}>{t('optionsIdentityName')}</label>
          <DraftInput
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            maxLength={120}
            value={r.name}
            data-testid="identity-name"
            onValue={(name) => setReporting({ name })}
          />
          <label htmlFor={`${id}-email`}>{t('optionsIdentityEmail')}</label>
          <DraftInput
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            maxLength={200}
            value={r.email}
            data-testid="identity-email"
            onValue={(email) => setReporting({ email })}
          />
          {(r.name.trim() === '' || r.email.trim() === '') && (
            <p className="sw-hint">{t('optionsIdentityIncomplete')}</p>
          )}
        </div>
      )}
    </div>
  );
}
