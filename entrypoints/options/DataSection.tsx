import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { download } from '@/components/download';
import { useSettingsStore } from '@/components/privacy/settings-store';
import {
  buildExport,
  exportFileName,
  MAX_IMPORT_BYTES,
  parseImport,
  sharesToCsv,
  type ImportProblem,
} from '@/lib/data';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/protocol';

type Filter = 'all' | 'linkedin' | 'x' | 'approved' | 'own';
type Status = { kind: 'ok' | 'error'; text: string } | null;

function problemText(p: ImportProblem): string {
  switch (p.kind) {
    case 'too-large':
      return t('optionsImportTooLarge', String(Math.round(p.max / 1024 / 1024)));
    case 'not-json':
    case 'not-an-export':
      return t('optionsImportNotExport');
    case 'newer':
      return t('optionsImportNewer');
    case 'broken':
      return t('optionsImportBroken', [p.where, p.what]);
  }
}

/** My data: history with filter and delete, export (JSON, CSV), import, delete everything. */
export function DataSection() {
  const db = getDb();
  const settings = useSettingsStore((s) => s.settings);
  const shares = useLiveQuery(() => db.shares.orderBy('at').reverse().toArray(), []);
  const [filter, setFilter] = useState<Filter>('all');
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const ids = { filter: useId(), file: useId() };

  const visible = (shares ?? []).filter((s) =>
    filter === 'all'
      ? true
      : filter === 'approved'
        ? s.postId !== null
        : filter === 'own'
          ? s.postId === null
          : s.network === filter,
  );

  const answer = (res: unknown, okText: string) => {
    if (res && typeof res === 'object' && 'rejected' in res) setStatus({ kind: 'error', text: String(res.rejected) });
    else setStatus({ kind: 'ok', text: okText });
  };

  const exportJson = async () => {
    const [all, sentLog] = await Promise.all([db.shares.toArray(), db.sentLog.toArray()]);
    download(
      exportFileName('json', Date.now()),
      JSON.stringify(buildExport(all, settings, sentLog, Date.now()), null, 2),
      'application/json',
    );
  };
  const exportCsv = async () =>
    download(exportFileName('csv', Date.now()), sharesToCsv(await db.shares.toArray()), 'text/csv');

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES)
      return setStatus({
        kind: 'error',
        text: problemText({ kind: 'too-large', bytes: file.size, max: MAX_IMPORT_BYTES }),
      });
    const parsed = parseImport(await file.text());
    if (!parsed.ok) return setStatus({ kind: 'error', text: problemText(parsed.problem) });
    const res = await sendMessage('ui:importShares', { shares: parsed.shares });
    if ('rejected' in res) return setStatus({ kind: 'error', text: res.rejected });
    setStatus({
      kind: 'ok',
      text: t('optionsImportDone', [String(res.added), String(res.skipped + parsed.duplicatesInFile)]),
    });
  };

  return (
    <section aria-labelledby="data">
      <h2 id="data">{t('optionsDataHeading')}</h2>
      <p>{t('optionsDataIntro')}</p>
      <div className="sw-row">
        <button type="button" data-testid="export-json" onClick={() => void exportJson()}>
          {t('optionsExportJson')}
        </button>
        <button type="button" data-testid="export-csv" className="sw-secondary" onClick={() => void exportCsv()}>
          {t('optionsExportCsv')}
        </button>
        <label htmlFor={ids.file}>{t('optionsImportLabel')}</label>
        <input
          id={ids.file}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      <p className="sw-hint">{t('optionsImportHint')}</p>
      <div
        role="status"
        aria-live="polite"
        data-testid="data-status"
        className={status ? (status.kind === 'ok' ? 'sw-success' : 'sw-error') : ''}
      >
        {status?.text}
      </div>

      <h3>{t('optionsHistoryHeading', String(shares?.length ?? 0))}</h3>
      <div className="sw-row">
        <label htmlFor={ids.filter}>{t('optionsHistoryFilter')}</label>
        <select
          id={ids.filter}
          value={filter}
          data-testid="history-filter"
          onChange={(e) => setFilter(e.currentTarget.value as Filter)}
        >
          <option value="all">{t('optionsHistoryAll')}</option>
          <option value="linkedin">LinkedIn</option>
          <option value="x">X</option>
          <option value="approved">{t('optionsHistoryApproved')}</option>
          <option value="own">{t('optionsHistoryOwn')}</option>
        </select>
      </div>
      {visible.length === 0 ? (
        <p data-testid="history-empty">{t('optionsHistoryEmpty')}</p>
      ) : (
        <table className="sw-table" data-testid="history">
          <thead>
            <tr>
              <th scope="col">{t('optionsHistoryWhen')}</th>
              <th scope="col">{t('optionsHistoryNetwork')}</th>
              <th scope="col">{t('optionsHistoryWhat')}</th>
              <th scope="col">
                <span className="sw-visually-hidden">{t('optionsHistoryActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, 500).map((s) => (
              <tr key={s.id} data-testid="history-row" data-share-id={s.id}>
                <td>
                  <time dateTime={new Date(s.at).toISOString()}>{new Date(s.at).toLocaleString()}</time>
                </td>
                <td>{s.network === 'x' ? 'X' : 'LinkedIn'}</td>
                <td>
                  {s.postId ? t('optionsHistoryApprovedPost', s.postId) : t('optionsHistoryOwnPost')}
                  {s.text ? <div className="sw-hint">{s.text.slice(0, 200)}</div> : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="sw-secondary"
                    data-testid="history-delete"
                    aria-label={t('optionsHistoryDeleteOne', new Date(s.at).toLocaleString())}
                    onClick={() =>
                      void sendMessage('ui:deleteShare', { id: s.id }).then((r) =>
                        answer(r, t('optionsHistoryDeleted')),
                      )
                    }
                  >
                    {t('optionsDelete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('optionsDeleteAllHeading')}</h3>
      {confirming ? (
        <div className="sw-card" role="alertdialog" aria-labelledby="delete-all-q" data-testid="delete-all-confirm">
          <p id="delete-all-q">{t('optionsDeleteAllQuestion', String(shares?.length ?? 0))}</p>
          <div className="sw-row">
            <button
              type="button"
              className="sw-danger"
              data-testid="delete-all-yes"
              onClick={() =>
                void sendMessage('ui:deleteAllData', { confirm: 'delete-everything' }).then((r) => {
                  setConfirming(false);
                  answer(r, t('optionsDeleteAllDone'));
                })
              }
            >
              {t('optionsDeleteAllYes')}
            </button>
            <button type="button" className="sw-secondary" autoFocus onClick={() => setConfirming(false)}>
              {t('optionsCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="sw-danger" data-testid="delete-all" onClick={() => setConfirming(true)}>
          {t('optionsDeleteAll')}
        </button>
      )}
    </section>
  );
}
