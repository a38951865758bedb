import { t } from '@/lib/i18n';
import type { ManagedResult } from '@/lib/managed';

/** What the administrator's policy sets (shown as set by your organization), under "Advanced". */
export function ManagedSection({ managed }: { managed: ManagedResult }) {
  const { config } = managed;
  return (
    <div className="sw-card" data-testid="managed">
      <h3>{t('optionsManagedHeading')}</h3>
      {Object.keys(config).length === 0 ? (
        <p className="sw-hint">{t('optionsManagedNone')}</p>
      ) : (
        <dl className="sw-readable">
          {config.companyName && <ManagedValue label={t('optionsManagedCompany')} value={config.companyName} />}
          {config.feedUrl && <ManagedValue label={t('optionsManagedFeed')} value={config.feedUrl} />}
          {config.reportEndpoint && <ManagedValue label={t('optionsManagedEndpoint')} value={config.reportEndpoint} />}
        </dl>
      )}
      {managed.problems.map((p) => (
        <p key={p} className="sw-hint">
          {t('optionsManagedIgnored', p)}
        </p>
      ))}
      <p className="sw-hint">{t('optionsManagedNeverFields')}</p>
    </div>
  );
}

function ManagedValue({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <output>{value}</output> <span className="sw-managed">({t('optionsManagedBadge')})</span>
      </dd>
    </>
  );
}
