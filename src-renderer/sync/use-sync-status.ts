import { useStore } from 'zustand';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../db/hooks';
import { pendingSummary } from '../db/queries';
import type { SyncStatus, SyncStatusStore } from './status';

// Everything the status bar shows: the engine's status plus what the database knows (pending
// work and its age, sync issues), each read live.

export interface SyncStatusView extends SyncStatus {
  pendingCount: number;
  oldestPendingAt: string | null;
  syncIssueCount: number;
}

export function useSyncStatus(store: SyncStatusStore): SyncStatusView {
  const db = useDb();
  const status = useStore(store);
  const pending = useLiveQuery(() => pendingSummary(db), [db]);
  const issues = useLiveQuery(() => db.syncIssues.count(), [db]);
  return {
    ...status,
    pendingCount: pending?.count ?? 0,
    oldestPendingAt: pending?.oldestCreatedAt ?? null,
    syncIssueCount: issues ?? 0,
  };
}
