import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { usePendingSummary, useSyncIssues } from '../../db/hooks';
import { useUi } from '../../state/ui-store';
import { useSyncStatus, useWorkspace } from '../data/WorkspaceProvider';
import { useFormat } from '../format/use-format';
import { useNow } from '../format/use-now';

type Tone = 'ok' | 'busy' | 'offline' | 'error';

/** Always visible: connectivity, work waiting to sync, the last sync, and the sync issues. */
export function SyncStatusIndicator() {
  const { t } = useTranslation();
  const f = useFormat();
  const nowMs = useNow();
  const ws = useWorkspace();
  const online = useSyncStatus((s) => s.online);
  const phase = useSyncStatus((s) => s.phase);
  const needsSignIn = useSyncStatus((s) => s.needsSignIn);
  const lastSyncAt = useSyncStatus((s) => s.lastSyncAt);
  const error = useSyncStatus((s) => s.error);
  const expired = useStore(ws.manager.store, (s) => s.expired);
  const pending = usePendingSummary();
  const issues = useSyncIssues();
  const setView = useUi((s) => s.setView);
  const count = pending?.count ?? 0;

  let tone: Tone = 'ok';
  let text: string;
  if (needsSignIn || expired) {
    tone = 'error';
    text = t('sync.signInAgain');
  } else if (!online) {
    tone = 'offline';
    text = t('sync.offline');
  } else if (error) {
    tone = 'error';
    text = t('sync.stopped');
  } else if (phase === 'waiting-retry') {
    tone = 'offline';
    text = t('sync.retrying');
  } else if (phase === 'pushing' || phase === 'pulling' || phase === 'snapshot') {
    tone = 'busy';
    text = t('sync.syncing');
  } else {
    text = lastSyncAt ? t('sync.synced', { when: f.relative(lastSyncAt, nowMs) }) : t('sync.notYet');
  }
  const detail = [text, count > 0 ? t('sync.pending', { count }) : ''].filter(Boolean).join(' · ');
  return (
    <div className="sync-status">
      <button
        type="button"
        className={`sync-pill sync-${tone}`}
        onClick={() => ws.sync.requestSync()}
        title={lastSyncAt ? t('sync.lastSync', { when: f.dateTime(lastSyncAt) }) : t('sync.syncNow')}
        aria-label={`${detail}. ${t('sync.syncNow')}`}
      >
        <span className="dot" aria-hidden="true" />
        <span role="status">{detail}</span>
      </button>
      {issues && issues.length > 0 && (
        <button type="button" className="sync-pill sync-error" onClick={() => setView('issues')}>
          {t('sync.issues', { count: issues.length })}
        </button>
      )}
    </div>
  );
}
