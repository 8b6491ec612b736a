import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui-store';
import { useWorkspace } from '../features/data/WorkspaceProvider';
import { DetailPane } from '../features/detail/DetailPane';
import { DialogHost } from '../features/dialogs/DialogHost';
import { LeadList } from '../features/list/LeadList';
import { ListToolbar } from '../features/list/ListToolbar';
import { PipelineView } from '../features/pipeline/PipelineView';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { useShortcuts } from '../features/shortcuts/use-shortcuts';
import { FirstSyncProgress } from '../features/sync/FirstSyncProgress';
import { SessionExpiredBanner } from '../features/auth/SessionExpiredBanner';
import { SyncIssuesScreen } from '../features/sync/SyncIssuesScreen';
import { ImportDialog } from '../features/transfer/ImportDialog';
import { download, exportCsv } from '../features/transfer/export';
import { useBridgeWiring } from '../features/data/use-bridge-wiring';
import { AppHeader } from './AppHeader';
import { TabBar } from './TabBar';

/** The signed-in app: header, tabs, and the list with its detail, the pipeline, or the sync issues. */
export function Workspace() {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const view = useUi((s) => s.view);
  const panel = useUi((s) => s.panel);
  const selectedId = useUi((s) => s.selectedId);
  const tab = useUi((s) => s.tab);
  useShortcuts();
  useBridgeWiring();

  const onExport = async () => {
    const { tab, stage, outcome, sort, search } = useUi.getState();
    const { csv } = await exportCsv(db, { tab, stage, outcome, sort, search });
    const day = new Date().toISOString().slice(0, 10);
    download(`partner-desk-${tab}${tab === 'favorites' ? '' : `-${stage}`}-${day}.csv`, csv);
  };

  return (
    <div className="app-shell">
      <AppHeader />
      <SessionExpiredBanner />
      <FirstSyncProgress />
      <TabBar />
      <main
        className={`workspace workspace-${view}${selectedId ? ' has-selection' : ''}`}
        aria-label={t('workspace.label')}
      >
        {view === 'list' && (
          <>
            <div className="list-pane" id="lead-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
              <ListToolbar onExport={() => void onExport()} />
              <LeadList />
            </div>
            <DetailPane />
          </>
        )}
        {view === 'pipeline' && <PipelineView />}
        {view === 'issues' && <SyncIssuesScreen />}
      </main>
      <DialogHost />
      {panel === 'shortcuts' && <ShortcutsDialog />}
      {panel === 'import' && <ImportDialog />}
    </div>
  );
}
