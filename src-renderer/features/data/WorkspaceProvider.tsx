import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { DbProvider } from '../../db/hooks';
import { openDb, type PartnerDeskDb } from '../../db/schema';
import { createActions, type Actions } from '../../db/actions';
import type { SyncStatus } from '../../sync/status';
import type { SessionManager, Session } from '../auth/session';
import { getDesktopBridge } from '../../bridge';
import { createSyncHost, type SyncHandle } from './sync-host';
import { reportNewReferrals } from './host-notify';

// Everything a signed-in screen needs: the local database, the user actions (each one Dexie
// transaction with its outbox row), the sync handle and the session.

export interface Workspace {
  db: PartnerDeskDb;
  actions: Actions;
  sync: SyncHandle;
  session: Session;
  manager: SessionManager;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace: outside <WorkspaceProvider>');
  return ws;
}

export function useActions(): Actions {
  return useWorkspace().actions;
}

export function useSyncStatus<T>(select: (s: SyncStatus) => T): T {
  return useStore(useWorkspace().sync.status, select);
}

export function WorkspaceProvider(props: { manager: SessionManager; session: Session; children: ReactNode }) {
  const { manager, session } = props;
  const serviceUrl = session.serviceUrl;
  const userId = session.user.id;
  // One database and one sync host per signed-in user and service; the session object itself
  // changes on every token refresh and must not restart anything.
  const ws = useMemo(() => {
    const db = openDb();
    const sync = createSyncHost({
      serviceUrl,
      tokens: manager.tokens,
      onNewReferrals: reportNewReferrals(getDesktopBridge()),
    });
    return { db, actions: createActions(db), sync };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a different user gets a fresh workspace
  }, [manager, serviceUrl, userId]);
  useEffect(() => {
    ws.sync.start();
    return () => ws.sync.stop();
  }, [ws]);
  const value = useMemo<Workspace>(() => ({ ...ws, session, manager }), [ws, session, manager]);
  return (
    <WorkspaceContext.Provider value={value}>
      <DbProvider db={ws.db}>{props.children}</DbProvider>
    </WorkspaceContext.Provider>
  );
}
