import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { useNow } from '@/components/use-now';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { ManagedConfig } from '@/lib/managed';
import { nextReportPeriod, reportProgram, reportSpan, reportTarget } from '@/lib/report';
import { nextReport, payloadAtSend, type QueuedReport, type ReportPayload } from '@/lib/report/payload';
import { readSettings } from '@/lib/settings';
import { dateRange } from '@/lib/ui/date-range';
import { BonusPreview } from './BonusPreview';

const language = browser.i18n.getUILanguage();
const numbers = new Intl.NumberFormat(language);
/** A report period or bucket as the employee reads dates ("23–29 Nov"); the JSON keeps the exact ones. */
export const range = (start: string, endExclusive: string) =>
  dateRange(start, endExclusive, language, new Date().getFullYear());
const count = (n: number) => (n === 1 ? t('optionsPreviewShareOne') : t('optionsPreviewShares', numbers.format(n)));

/**
 * "What my employer sees", first on the page: the next report exactly as the sender would POST it — the
 * same functions (reportTarget, reportProgram, nextReport, payloadAtSend) over the same shares, queued
 * reports, page suggestions and the settings as stored — said in plain words (post titles, dates), with
 * the exact bytes behind "Show exact data".
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
  const report =
    shares && suggestions
      ? (payloadAtSend(shares, settings, next.fields, period, suggestions, now, program)?.payload ?? null)
      : null;
  // Titles, not ids: the employee knows the posts by what they say.
  const titles = new Map((feedRow?.feed?.posts ?? []).map((p) => [p.id, p.title || p.text.slice(0, 80)]));
  const daily = settings.reporting.fields.timeDetail === 'day' && (next.fields?.timeDetail ?? 'day') === 'day';

  return (
    <section aria-labelledby="preview" className="sw-card sw-lead">
      <h2 id="preview">{t('optionsPreviewHeading')}</h2>
      <p data-testid="preview-target">
        {!settings.reporting.enabled
          ? t('optionsPreviewOff')
          : target
            ? t(
                target.schedule === 'monthly' ? 'optionsPreviewTargetMonthly' : 'optionsPreviewTargetWeekly',
                target.endpoint,
              ) + (target.source === 'managed' ? ` (${t('optionsManagedBadge')})` : '')
            : t('optionsPreviewNoEndpoint')}
      </p>
      {next.queued && <p data-testid="preview-queued">{t('optionsPreviewQueued')}</p>}
      {report ? (
        <>
          <p className="sw-hint">{t('optionsPreviewIntro')}</p>
          <ReadableReport report={report} titles={titles} daily={daily} />
          <details data-testid="preview-exact">
            <summary>{t('optionsPreviewShowExact')}</summary>
            <pre className="sw-json" data-testid="preview-json" tabIndex={0} aria-label={t('optionsPreviewRawHeading')}>
              {JSON.stringify(report, null, 2)}
            </pre>
          </details>
        </>
      ) : (
        settings.reporting.enabled && <p data-testid="preview-nothing">{t('optionsPreviewNothing')}</p>
      )}
    </section>
  );
}

function ReadableReport({
  report,
  titles,
  daily,
}: {
  report: ReportPayload;
  titles: Map<string, string>;
  daily: boolean;
}) {
  const id = report.identity;
  const title = (postId: string) => titles.get(postId) ?? t('optionsPreviewPostGone', postId);
  const timeline = report.timeline ?? [];
  return (
    <dl className="sw-readable" data-testid="preview-readable">
      <dt>{t('optionsPreviewIdentity')}</dt>
      <dd data-testid="preview-who">
        {id.kind === 'named' ? `${id.name} <${id.email}>` : t('optionsPreviewAnonymousPlain')}
      </dd>
      <dt>{t('optionsPreviewPeriod')}</dt>
      <dd data-testid="preview-period">{range(report.period.start, report.period.end)}</dd>
      {report.totalShares !== undefined && (
        <>
          <dt>{t('optionsFieldTotal')}</dt>
          <dd data-testid="preview-total">{count(report.totalShares)}</dd>
        </>
      )}
      {report.byNetwork && (
        <>
          <dt>{t('optionsFieldByNetwork')}</dt>
          <dd>
            LinkedIn {numbers.format(report.byNetwork.linkedin)} · X {numbers.format(report.byNetwork.x)}
          </dd>
        </>
      )}
      {report.approvedPosts && (
        <>
          <dt>{t('optionsFieldApproved')}</dt>
          <dd>
            {report.approvedPosts.length === 0 ? (
              t('optionsPreviewNone')
            ) : (
              <ul data-testid="preview-posts">
                {report.approvedPosts.map((p) => (
                  <li key={p.postId}>
                    {title(p.postId)} — {count(p.shares)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
      {report.ownShares !== undefined && (
        <>
          <dt>{t('optionsFieldOwn')}</dt>
          <dd>{numbers.format(report.ownShares)}</dd>
        </>
      )}
      {report.timeline && (
        <>
          <dt>{t('optionsTimeDetailLabel')}</dt>
          <dd>
            {timeline.length === 0 ? (
              t('optionsPreviewNone')
            ) : (
              <ul data-testid="preview-timeline">
                {timeline.map((b) => {
                  const end = bucketEnd(b.start, daily, report.period.end);
                  const total = b.totalShares ?? (b.byNetwork ? b.byNetwork.linkedin + b.byNetwork.x : 0);
                  const split = b.byNetwork
                    ? ` (LinkedIn ${numbers.format(b.byNetwork.linkedin)} · X ${numbers.format(b.byNetwork.x)})`
                    : '';
                  return <li key={b.start}>{`${range(b.start, end)}: ${count(total)}${split}`}</li>;
                })}
              </ul>
            )}
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

/** A timeline bucket's exclusive end: the next day, or the next Monday, within the report period. */
function bucketEnd(start: string, daily: boolean, periodEnd: string): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const day = new Date(y, m - 1, d);
  day.setDate(d + (daily ? 1 : 7 - ((day.getDay() + 6) % 7)));
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return iso < periodEnd ? iso : periodEnd;
}
