import { useLiveQuery } from 'dexie-react-hooks';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { ManagedConfig } from '@/lib/managed';
import { nextReportPeriod, reportProgram, reportSpan, reportTarget } from '@/lib/report';
import { nextReport, payloadAtSend, type QueuedReport, type ReportPayload } from '@/lib/report/payload';
import { readSettings } from '@/lib/settings';
import { useNow } from '@/components/use-now';
import { BonusPreview } from './BonusPreview';

/**
 * "What my employer sees": the next report exactly as the sender would POST it — the same functions
 * (reportTarget, reportProgram, nextReport, payloadAtSend) over the same shares, queued reports, page suggestions
 * and the settings as stored — shown readable and byte for byte.
 */
export function PreviewSection({ managed }: { managed: ManagedConfig }) {
  const db = getDb();
  const stored = useSettingsStore((s) => s.settings);
  const feedRow = useLiveQuery(() => db.feedCache.get('current'), []);
  const target = reportTarget(managed, feedRow?.feed, feedRow?.source);
  const outbox = useLiveQuery(() => db.outbox.toArray(), []);
  const suggestions = useLiveQuery(() => db.suggestions.where('status').equals('queued').toArray(), []);
  const now = useNow();
  const next = nextReport((outbox ?? []) as QueuedReport[], nextReportPeriod(target?.schedule ?? 'weekly', now));
  const period = next.period;
  // The bonus status needs the whole of each program period the report touches, as the sender reads.
  const program = reportProgram(feedRow);
  const span = reportSpan(period, program);
  const shares = useLiveQuery(
    () => db.shares.where('at').between(span.start, span.end, true, false).toArray(),
    [span.start, span.end],
  );
  // Normalised as the sender reads them from storage (trimmed name, defaults), so the bytes match;
  // a queued report keeps the install id it was queued with, as the sender does.
  const fromStorage = readSettings(JSON.parse(JSON.stringify(stored)));
  const settings = next.installId ? { ...fromStorage, installId: next.installId } : fromStorage;
  const report = shares && suggestions ? (payloadAtSend(shares, settings, next.fields, period, suggestions, now, program)?.payload ?? null) : null;

  return (
    <section aria-labelledby="preview">
      <h2 id="preview">{t('optionsPreviewHeading')}</h2>
      <p>{t('optionsPreviewIntro')}</p>
      <p data-testid="preview-target" className="sw-card">
        {!settings.reporting.enabled
          ? t('optionsPreviewOff')
          : target
            ? t(target.schedule === 'monthly' ? 'optionsPreviewTargetMonthly' : 'optionsPreviewTargetWeekly', target.endpoint) +
              (target.source === 'managed' ? ` (${t('optionsManagedBadge')})` : '')
            : t('optionsPreviewNoEndpoint')}
      </p>
      {next.queued && <p data-testid="preview-queued">{t('optionsPreviewQueued')}</p>}
      {report ? <ReadableReport report={report} /> : <p data-testid="preview-nothing">{t('optionsPreviewNothing')}</p>}
      <h3>{t('optionsPreviewRawHeading')}</h3>
      <pre className="sw-json" data-testid="preview-json" tabIndex={0} aria-label={t('optionsPreviewRawHeading')}>
        {JSON.stringify(report, null, 2)}
      </pre>
    </section>
  );
}

function ReadableReport({ report }: { report: ReportPayload }) {
  const id = report.identity;
  return (
    <dl className="sw-readable" data-testid="preview-readable">
      <dt>{t('optionsPreviewIdentity')}</dt>
      <dd>{id.kind === 'named' ? `${id.name} <${id.email}>` : t('optionsPreviewAnonymous', id.installId)}</dd>
      <dt>{t('optionsPreviewPeriod')}</dt>
      <dd>{t('optionsPreviewPeriodValue', [report.period.start, report.period.end])}</dd>
      {report.totalShares !== undefined && (
        <>
          <dt>{t('optionsFieldTotal')}</dt>
          <dd>{report.totalShares}</dd>
        </>
      )}
      {report.byNetwork && (
        <>
          <dt>{t('optionsFieldByNetwork')}</dt>
          <dd>LinkedIn {report.byNetwork.linkedin} · X {report.byNetwork.x}</dd>
        </>
      )}
      {report.approvedPosts && (
        <>
          <dt>{t('optionsFieldApproved')}</dt>
          <dd>
            {report.approvedPosts.length === 0
              ? t('optionsPreviewNone')
              : report.approvedPosts.map((p) => `${p.postId} (${p.shares})`).join(', ')}
          </dd>
        </>
      )}
      {report.ownShares !== undefined && (
        <>
          <dt>{t('optionsFieldOwn')}</dt>
          <dd>{report.ownShares}</dd>
        </>
      )}
      {report.timeline && (
        <>
          <dt>{t('optionsTimeDetailLabel')}</dt>
          <dd>
            {report.timeline.length === 0
              ? t('optionsPreviewNone')
              : report.timeline.map((b) => `${b.start}: ${b.totalShares ?? (b.byNetwork ? b.byNetwork.linkedin + b.byNetwork.x : '')}`).join(' · ')}
          </dd>
        </>
      )}
      <BonusPreview report={report} />
      {report.suggestions && (
        <>
          <dt>{t('optionsPreviewSuggestions')}</dt>
          <dd>
            <ul data-testid="preview-suggestions">
              {report.suggestions.map((s) => (
                <li key={s.url + s.suggestedAt}>
                  {s.title || s.url} <small>{s.url}</small>
                  {s.note && <> — {s.note}</>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t('optionsPreviewNotIncluded')}</dt>
      <dd>{t('optionsNeverReported')}</dd>
    </dl>
  );
}
