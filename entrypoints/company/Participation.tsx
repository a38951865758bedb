import { useId, useMemo, useState } from 'react';
import { WeekChart } from '@/components/WeekChart';
import {
  loadReports,
  participation,
  participationByPeriod,
  participationCsv,
  personLabel,
  programKind,
  type LoadedReports,
  type ParticipationRow,
} from '@/lib/company/participation';
import { t } from '@/lib/i18n';
import { download } from '@/components/download';

const cell = (v: number | null) => (v === null ? '' : String(v));

/**
 * Participation: the receiver's files, read in this page only. Each report is checked with the
 * extension's report schema and kept once per idempotency key; a column is blank where the employee did
 * not allow that field, never zero.
 */
export function Participation() {
  const [loaded, setLoaded] = useState<(LoadedReports & { files: number }) | null>(null);
  const [period, setPeriod] = useState('');
  const ids = { files: useId(), period: useId() };
  const rows = useMemo(() => (loaded ? participation(loaded.reports) : []), [loaded]);
  const kind = useMemo(() => (loaded ? programKind(loaded.reports) : 'month'), [loaded]);
  const periods = useMemo(() => [...new Set(rows.map((r) => r.period))], [rows]);
  const shown = period ? rows.filter((r) => r.period === period) : rows;
  const chart = participationByPeriod(rows);

  const open = async (files: FileList | null) => {
    if (!files?.length) return;
    const texts = await Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
    setLoaded({ ...loadReports(texts), files: texts.length });
    setPeriod('');
  };

  return (
    <section aria-labelledby="participation">
      <h2 id="participation">{t('companyParticipationHeading')}</h2>
      <p>{t('companyParticipationIntro')}</p>
      <div className="sw-card">
        <label htmlFor={ids.files}>{t('companyOpenReports')}</label>{' '}
        <input
          id={ids.files}
          type="file"
          multiple
          accept=".ndjson,.jsonl,.json,application/json,application/x-ndjson"
          data-testid="reports-file"
          onChange={(e) => void open(e.currentTarget.files)}
        />
        {loaded && (
          <div role="status" data-testid="reports-summary">
            <p>
              {t('companyReportsRead', [
                String(loaded.reports.length),
                String(loaded.files),
                String(loaded.duplicates),
              ])}
            </p>
            {loaded.problems.length > 0 && (
              <details>
                <summary>{t('companyReportsProblems', String(loaded.problems.length))}</summary>
                <ul data-testid="reports-problems">
                  {loaded.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>
      {loaded && rows.length > 0 && (
        <>
          <WeekChart
            caption={t('companyChartCaption', t(`companyKind_${kind}`))}
            tableToggle={t('companyChartTable')}
            labelHeader={t('companyPeriodStart')}
            valueHeader={t('companyChartSharing')}
            bars={chart.map((c) => ({ label: c.period, value: c.sharing }))}
          />
          <p>
            <label htmlFor={ids.period}>{t('companyPeriodFilter')}</label>{' '}
            <select
              id={ids.period}
              value={period}
              data-testid="period-filter"
              onChange={(e) => setPeriod(e.currentTarget.value)}
            >
              <option value="">{t('companyAllPeriods')}</option>
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>{' '}
            <button
              type="button"
              data-testid="export-csv"
              onClick={() =>
                download(`participation${period ? `-${period}` : ''}.csv`, participationCsv(shown), 'text/csv')
              }
            >
              {t('companyExportCsv')}
            </button>
          </p>
          <ParticipationTable rows={shown} />
        </>
      )}
    </section>
  );
}

function ParticipationTable({ rows }: { rows: ParticipationRow[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('companyTableCaption')}>
      <table data-testid="participation-table">
        <caption>{t('companyTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('companyPerson')}</th>
            <th scope="col">{t('companyPeriodStart')}</th>
            <th scope="col">{t('companyShares')}</th>
            <th scope="col">LinkedIn</th>
            <th scope="col">X</th>
            <th scope="col">{t('companyPoints')}</th>
            <th scope="col">{t('companyQualified')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.person.id} ${r.period}`}
              data-testid="participation-row"
              data-person={personLabel(r.person)}
              data-period={r.period}
            >
              <th scope="row">
                {r.person.name !== null ? personLabel(r.person) : t('companyPseudonym', personLabel(r.person))}
              </th>
              <td>{r.period}</td>
              <td data-col="shares" data-value={cell(r.shares)}>
                {cell(r.shares)}
              </td>
              <td data-col="linkedin" data-value={cell(r.linkedin)}>
                {cell(r.linkedin)}
              </td>
              <td data-col="x" data-value={cell(r.x)}>
                {cell(r.x)}
              </td>
              <td data-col="points" data-value={cell(r.points)}>
                {r.points === null ? '' : t('companyPointsOf', [String(r.points), String(r.threshold)])}
              </td>
              <td data-col="qualified" data-value={r.qualified === null ? '' : String(r.qualified)}>
                {r.qualified === null ? '' : t(r.qualified ? 'companyYes' : 'companyNo')}
                {r.final === false && <> ({t('companySoFar')})</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
