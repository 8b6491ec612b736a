import { useTranslation } from 'react-i18next';
import { useSyncIssues } from '../../db/hooks';
import { useUi } from '../../state/ui-store';
import { SyncIssueCard } from './SyncIssueCard';

/** Every change the service refused, kept until the user has read it. Nothing is dropped silently. */
export function SyncIssuesScreen() {
  const { t } = useTranslation();
  const issues = useSyncIssues();
  const setView = useUi((s) => s.setView);
  return (
    <section className="issues-screen" aria-labelledby="issues-title">
      <div className="screen-head">
        <h2 id="issues-title">{t('issues.title')}</h2>
        <button type="button" className="button" onClick={() => setView('list')}>
          {t('issues.back')}
        </button>
      </div>
      <p className="muted">{t('issues.intro')}</p>
      {issues?.length === 0 && <p role="status">{t('issues.none')}</p>}
      {issues?.map((issue) => (
        <SyncIssueCard key={issue.id} issue={issue} />
      ))}
    </section>
  );
}
