import { t } from '@/lib/i18n';
import type { ReportPayload } from '@/lib/report/payload';
import { range } from './PreviewSection';

/** The bonus status and share links of "What my employer sees", when the report carries them. */
export function BonusPreview({ report }: { report: ReportPayload }) {
  return (
    <>
      {report.bonus && (
        <>
          <dt>{t('optionsBonusLabel')}</dt>
          <dd>
            <ul data-testid="preview-bonus">
              {report.bonus.map((b) => (
                <li key={b.period.start}>
                  {range(b.period.start, b.period.end)}:{' '}
                  <strong>{t(b.qualified ? 'optionsPreviewQualifiedYes' : 'optionsPreviewQualifiedNo')}</strong>
                  {b.points !== undefined && (
                    <> · {t('optionsPreviewBonusPoints', [String(b.points), String(b.rules.threshold)])}</>
                  )}{' '}
                  ({t(b.final ? 'optionsPreviewBonusFinal' : 'optionsPreviewBonusSoFar')})
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {report.shareLinks && (
        <>
          <dt>{t('optionsFieldLinks')}</dt>
          <dd>
            {report.shareLinks.length === 0 ? (
              t('optionsPreviewNone')
            ) : (
              <ul data-testid="preview-links">
                {report.shareLinks.map((l) => (
                  <li key={l.url}>{l.url}</li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
    </>
  );
}
