import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/ui-store';
import { authorizedFetch } from '../auth/authorized-fetch';
import { useWorkspace } from '../data/WorkspaceProvider';
import { Dialog } from '../dialogs/Dialog';
import {
  CONFLICT_RULES,
  previewOf,
  readReport,
  type ConflictRule,
  type ImportPreview,
  type ReportRow,
} from './import-file';
import { ImportReport } from './ImportReport';

// CSV rows carry referral ids and take a conflict rule; Azure Table rows are marketplace leads,
// merged by customer email and offer like every other lead intake.
const urlOf = (p: ImportPreview, rule: ConflictRule) =>
  p.kind === 'csv' ? `/v1/import/csv?conflict=${rule}` : '/v1/import/azure-table';

/** Import a Partner Center CSV or Azure Table rows: preview, the conflict rule, then the per-row report. */
export function ImportDialog() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const closePanel = useUi((s) => s.closePanel);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [fileName, setFileName] = useState('');
  const [rule, setRule] = useState<ConflictRule>('skip');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ReportRow[] | null>(null);

  const pick = async (file: File | undefined) => {
    setError('');
    setReport(null);
    setPreview(null);
    if (!file) return;
    setFileName(file.name);
    const result = previewOf(file.name, await file.text());
    if (result.ok) setPreview(result.preview);
    else setError(t(`transfer.fileErrors.${result.error}`));
  };

  const send = async () => {
    if (!preview) return;
    setBusy(true);
    setError('');
    try {
      const response = await authorizedFetch(ws.manager, urlOf(preview, rule), {
        method: 'POST',
        headers: { 'content-type': preview.kind === 'csv' ? 'text/csv' : 'application/json' },
        body: preview.body,
      });
      const json: unknown = await response.json().catch(() => null);
      const rows = readReport(json);
      if (!response.ok || !rows) {
        const message = (json as { message?: unknown } | null)?.message;
        setError(
          typeof message === 'string' ? message : t('transfer.importFailed', { status: response.status }),
        );
        return;
      }
      setReport(rows);
      ws.sync.requestSync();
    } catch {
      setError(t('transfer.offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('transfer.importTitle')} onClose={closePanel} wide>
      <div className="dialog-body">
        {report ? (
          <ImportReport rows={report} />
        ) : (
          <>
            <p className="dialog-intro">{t('transfer.importIntro')}</p>
            <div className="field">
              <label htmlFor="import-file">{t('transfer.file')}</label>
              <input
                id="import-file"
                type="file"
                accept=".csv,.json,text/csv,application/json"
                onChange={(e) => void pick(e.target.files?.[0])}
              />
            </div>
            {preview && (
              <>
                <p>
                  {t(preview.kind === 'csv' ? 'transfer.previewCsv' : 'transfer.previewTable', {
                    count: preview.total,
                    name: fileName,
                  })}
                </p>
                <div className="table-scroll">
                  <table className="preview-table">
                    <thead>
                      <tr>
                        {preview.header.map((h, i) => (
                          <th key={`${h}-${i}`} scope="col">
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((row, i) => (
                        <tr key={i}>
                          {preview.header.map((_, j) => (
                            <td key={j}>{row[j] ?? ''}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {preview.kind === 'table' && <p className="muted">{t('transfer.tableMerge')}</p>}
                {preview.kind === 'csv' && (
                  <fieldset className="radio-group">
                    <legend>{t('transfer.conflict')}</legend>
                    {CONFLICT_RULES.map((r) => (
                      <label key={r}>
                        <input
                          type="radio"
                          name="conflict"
                          value={r}
                          checked={rule === r}
                          onChange={() => setRule(r)}
                        />
                        <span>
                          <strong>{t(`transfer.rules.${r}`)}</strong>{' '}
                          <span className="muted">{t(`transfer.rulesHelp.${r}`)}</span>
                        </span>
                      </label>
                    ))}
                  </fieldset>
                )}
              </>
            )}
          </>
        )}
        <p className="form-summary" role="alert">
          {error}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={closePanel}>
          {report ? t('dialogs.close') : t('dialogs.cancel')}
        </button>
        {!report && (
          <button
            type="button"
            className="button button-primary"
            disabled={!preview || busy}
            onClick={() => void send()}
          >
            {busy ? t('transfer.importing') : t('transfer.importRows', { count: preview?.total ?? 0 })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
