import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReportRow } from './import-file';

const OUTCOMES = ['created', 'replaced', 'skipped', 'kept-both', 'merged', 'error', 'dead-letter'] as const;

export function outcomeLabel(t: TFunction, outcome: string): string {
  return (OUTCOMES as readonly string[]).includes(outcome)
    ? t(`transfer.outcomes.${outcome as (typeof OUTCOMES)[number]}`)
    : outcome;
}

/** The service's answer for every row: created, replaced, skipped, kept both, or why it failed. */
export function ImportReport(props: { rows: readonly ReportRow[] }) {
  const { t } = useTranslation();
  const totals = new Map<string, number>();
  for (const r of props.rows) totals.set(r.outcome, (totals.get(r.outcome) ?? 0) + 1);
  return (
    <div className="import-report">
      <h3>{t('transfer.report')}</h3>
      <p role="status">
        {[...totals]
          .map(([outcome, n]) => t('transfer.outcomeCount', { count: n, outcome: outcomeLabel(t, outcome) }))
          .join(' · ') || t('transfer.nothing')}
      </p>
      <div className="table-scroll">
        <table className="preview-table">
          <thead>
            <tr>
              <th scope="col">{t('transfer.row')}</th>
              <th scope="col">{t('transfer.outcome')}</th>
              <th scope="col">{t('transfer.referral')}</th>
              <th scope="col">{t('transfer.message')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.row} className={`report-${r.outcome}`}>
                <td>{r.row}</td>
                <td>{outcomeLabel(t, r.outcome)}</td>
                <td>
                  <code>{r.referralId}</code>
                </td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
