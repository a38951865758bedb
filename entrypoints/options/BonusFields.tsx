import { ChoiceGroup } from '@/components/privacy/ChoiceGroup';
import { PrivacyToggle } from '@/components/privacy/PrivacyToggle';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';
import type { ReportFields } from '@/lib/settings';

/** The bonus status and the links to shares of approved posts: both off until the employee chooses. */
export function BonusFields() {
  const { settings, update } = useSettingsStore();
  const fields = settings.reporting.fields;
  const setFields = (patch: Partial<ReportFields>) =>
    void update((s) => ({ ...s, reporting: { ...s.reporting, fields: { ...s.reporting.fields, ...patch } } }));
  return (
    <>
      <ChoiceGroup
        legend={t('optionsBonusLabel')}
        hint={t('optionsBonusHint')}
        value={fields.bonus}
        testId="bonus"
        options={[
          { value: 'off', label: t('optionsBonusOff') },
          { value: 'qualified', label: t('optionsBonusQualified') },
          { value: 'points', label: t('optionsBonusPoints') },
        ]}
        onChange={(bonus) => setFields({ bonus })}
      />
      <PrivacyToggle
        label={t('optionsFieldLinks')}
        hint={t('optionsFieldLinksHint')}
        checked={fields.shareLinks}
        testId="field-shareLinks"
        onChange={(shareLinks) => setFields({ shareLinks })}
      />
    </>
  );
}
