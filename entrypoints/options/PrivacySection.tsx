import { useLiveQuery } from 'dexie-react-hooks';
import { IdentityControls } from '@/components/privacy/IdentityControls';
import { ReportPausePrompt } from '@/components/ReportPausePrompt';
import { BonusFields } from './BonusFields';
import { ChoiceGroup } from '@/components/privacy/ChoiceGroup';
import { PrivacyToggle } from '@/components/privacy/PrivacyToggle';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';
import { getDb } from '@/lib/db';
import type { ManagedResult } from '@/lib/managed';
import { consentState, reportTarget } from '@/lib/report';
import { displayHost } from '@/lib/remote-url';
import type { ReportFields } from '@/lib/settings';

type BooleanField = 'totalShares' | 'byNetwork' | 'approvedPosts' | 'ownCount' | 'manualCount';
const FIELDS: { key: BooleanField; label: string; hint: string }[] = [
  { key: 'totalShares', label: 'optionsFieldTotal', hint: 'optionsFieldTotalHint' },
  { key: 'byNetwork', label: 'optionsFieldByNetwork', hint: 'optionsFieldByNetworkHint' },
  { key: 'approvedPosts', label: 'optionsFieldApproved', hint: 'optionsFieldApprovedHint' },
  { key: 'ownCount', label: 'optionsFieldOwn', hint: 'optionsFieldOwnHint' },
  { key: 'manualCount', label: 'optionsFieldManual', hint: 'optionsFieldManualHint' },
];

/** What may be reported, field by field. Each switch starts off and only the employee turns it on. */
export function PrivacySection({ managed }: { managed: ManagedResult }) {
  const { settings, update } = useSettingsStore();
  const r = settings.reporting;
  const setFields = (patch: Partial<ReportFields>) =>
    void update((s) => ({ ...s, reporting: { ...s.reporting, fields: { ...s.reporting.fields, ...patch } } }));
  const { config } = managed;
  const feedRow = useLiveQuery(() => getDb().feedCache.get('current'), []);
  const target = reportTarget(config, feedRow?.feed, feedRow?.source);
  const state = consentState(r, target);
  return (
    <section aria-labelledby="privacy">
      <h2 id="privacy">{t('optionsPrivacyHeading')}</h2>
      <ReportPausePrompt place="options" />
      {/* Where reports would go, shown before the employee turns reporting on: consent is to this host. */}
      <p className="sw-card" data-testid="report-destination" data-state={state.kind}>
        {target
          ? t(
              state.kind === 'active' ? 'optionsReportDestinationAgreed' : 'optionsReportDestination',
              displayHost(target.endpoint),
            ) + ` (${t(target.source === 'managed' ? 'optionsManagedBadge' : 'optionsReportDestinationFromFeed')})`
          : t('optionsReportNoDestination')}
      </p>
      <PrivacyToggle
        label={t('optionsReportingLabel')}
        hint={t('optionsReportingHint')}
        checked={r.enabled}
        testId="reporting-enabled"
        // Turning on agrees to the destination shown above (none yet: the employee is asked once one is named).
        onChange={(enabled) =>
          void update((s) => ({
            ...s,
            reporting: {
              ...s.reporting,
              enabled,
              consentedEndpoint: enabled ? (target?.endpoint ?? null) : null,
              declinedEndpoint: null,
            },
          }))
        }
      />
      {/* The choices matter only once reporting is on; until then they cannot be changed by mistake. */}
      <fieldset className="sw-card sw-fields" disabled={!r.enabled} data-testid="report-fields">
        <legend>{t('optionsFieldsHeading')}</legend>
        {!r.enabled && (
          <p className="sw-hint" data-testid="fields-off-hint">
            {t('optionsFieldsOffHint')}
          </p>
        )}
        {FIELDS.map((f) => (
          <PrivacyToggle
            key={f.key}
            label={t(f.label)}
            hint={t(f.hint)}
            checked={r.fields[f.key]}
            testId={`field-${f.key}`}
            onChange={(on) => setFields({ [f.key]: on })}
          />
        ))}
        <ChoiceGroup
          legend={t('optionsTimeDetailLabel')}
          hint={t('optionsTimeDetailHint')}
          value={r.fields.timeDetail}
          testId="time-detail"
          options={[
            { value: 'none', label: t('optionsTimeDetailNone') },
            { value: 'week', label: t('optionsTimeDetailWeek') },
            { value: 'day', label: t('optionsTimeDetailDay') },
          ]}
          onChange={(timeDetail) => setFields({ timeDetail })}
        />
        <BonusFields />
        <IdentityControls />
        <p className="sw-hint">{t('optionsNeverReported')}</p>
      </fieldset>
    </section>
  );
}
