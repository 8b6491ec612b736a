import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveOutcomeOf, isMutationName, stageOf } from '../../../src-shared';
import type { SyncIssueRow } from '../../db/rows';
import { recordIntent } from '../../db/actions';
import { useWorkspace } from '../data/WorkspaceProvider';
import { useFormat } from '../format/use-format';
import { customerName } from '../list/lead-text';
import { argLines } from './args-text';
import { intentLabel, reasonText } from './issue-text';

/** One rejected change: why, what the user typed, what the service has now, and what to do. */
export function SyncIssueCard({ issue }: { issue: SyncIssueRow }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { db, actions } = useWorkspace();
  const [note, setNote] = useState('');
  const copy = issue.serviceCopy;
  const lines = argLines(t, issue.args, i18n.resolvedLanguage ?? 'en');
  const outcome = copy ? archiveOutcomeOf(copy) : null;
  const title = `${intentLabel(t, issue.name)} · ${copy ? customerName(copy) : issue.referralId}`;

  const retry = async () => {
    if (!isMutationName(issue.name)) return;
    // A new change with what the user typed; an edit is based on the copy the user now sees.
    const args =
      issue.name === 'editDeal'
        ? { ...(issue.args as object), baseVersion: (await db.referrals.get(issue.referralId))?.version ?? 0 }
        : issue.args;
    await recordIntent(db, issue.name, args);
    await actions.dismissSyncIssue(issue.id);
  };
  const copyText = async () => {
    const text = [
      title,
      `${t('issues.reason')}: ${reasonText(t, issue.reason)}`,
      ...lines.map(([k, v]) => `${k}: ${v}`),
    ].join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setNote(t('issues.copied'));
    } catch {
      setNote(t('issues.copyFailed'));
    }
  };
  return (
    <article className="issue-card" aria-label={title}>
      <h3>{title}</h3>
      <p className="muted small">{t('issues.when', { date: f.dateTime(issue.createdAt) })}</p>
      <p className="issue-reason">{reasonText(t, issue.reason)}</p>
      <div className="issue-columns">
        <div>
          <h4>{t('issues.yours')}</h4>
          <dl className="facts">
            {lines.map(([k, v]) => (
              <div key={k} className="fact">
                <dt>{k}</dt>
                <dd className="pre-wrap">{v}</dd>
              </div>
            ))}
          </dl>
          {issue.conflicts?.map((c) => (
            <p key={c.field} className="small">
              {t('issues.conflict', {
                field: c.field,
                yours: String(c.yours ?? ''),
                theirs: String(c.theirs ?? ''),
              })}
            </p>
          ))}
        </div>
        <div>
          <h4>{t('issues.theirs')}</h4>
          {copy ? (
            <dl className="facts">
              <div className="fact">
                <dt>{t('issues.state')}</dt>
                <dd>{outcome ? t(`outcomes.${outcome}`) : t(`stage.${stageOf(copy)}`)}</dd>
              </div>
              {copy.name && (
                <div className="fact">
                  <dt>{t('deal.name')}</dt>
                  <dd>{copy.name}</dd>
                </div>
              )}
              {copy.details.dealValue !== null && (
                <div className="fact">
                  <dt>{t('deal.value')}</dt>
                  <dd>{f.money(copy.details.dealValue, copy.details.currency)}</dd>
                </div>
              )}
              {copy.statusReason && (
                <div className="fact">
                  <dt>{t('detail.statusReason')}</dt>
                  <dd>{copy.statusReason}</dd>
                </div>
              )}
              <div className="fact">
                <dt>{t('issues.updated')}</dt>
                <dd>{f.dateTime(copy.updatedDateTime)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted">{t('issues.noCopy')}</p>
          )}
        </div>
      </div>
      <div className="detail-actions">
        <button type="button" className="button button-primary" onClick={() => void retry()}>
          {t('issues.retry')}
        </button>
        <button type="button" className="button" onClick={() => void copyText()}>
          {t('issues.copy')}
        </button>
        <button type="button" className="button" onClick={() => void actions.dismissSyncIssue(issue.id)}>
          {t('issues.dismiss')}
        </button>
        <span role="status" className="muted small">
          {note}
        </span>
      </div>
    </article>
  );
}
