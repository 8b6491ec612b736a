import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PartnerDeskDb } from './schema';
import type { ListSpec } from './list-spec';
import {
  countsQuery,
  listPage,
  pendingSummary,
  syncIssuesQuery,
  type Counts,
  type ListPage,
  type PendingSummary,
} from './queries';
import { visibleReferral, type VisibleReferral } from './visible';
import type { NoteDraftRow, SyncIssueRow } from './rows';

// Live-query hooks: each re-runs when a table it read changes (in this window or another, or in
// the sync worker), and reads only what it shows. `undefined` means "still loading".

const DbContext = createContext<PartnerDeskDb | null>(null);

export function DbProvider(props: { db: PartnerDeskDb; children?: ReactNode }) {
  return createElement(DbContext.Provider, { value: props.db }, props.children);
}

export function useDb(): PartnerDeskDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb: wrap the app in <DbProvider db={…}>');
  return db;
}

/** One page of a list (offset/limit for a virtual list), with its visible total. */
export function useReferralList(spec: ListSpec, offset: number, limit: number): ListPage | undefined {
  const db = useDb();
  // The spec object is new on every render: its JSON is the dependency.
  const key = JSON.stringify(spec);
  return useLiveQuery(() => listPage(db, spec, offset, limit), [db, key, offset, limit]);
}

export function useCounts(): Counts | undefined {
  const db = useDb();
  return useLiveQuery(() => countsQuery(db), [db]);
}

/** One referral as the user should see it (null: not on this device). */
export function useReferral(id: string | null): VisibleReferral | null | undefined {
  const db = useDb();
  return useLiveQuery(() => (id ? visibleReferral(db, id) : null), [db, id]);
}

export function usePendingSummary(): PendingSummary | undefined {
  const db = useDb();
  return useLiveQuery(() => pendingSummary(db), [db]);
}

export function useSyncIssues(): SyncIssueRow[] | undefined {
  const db = useDb();
  return useLiveQuery(() => syncIssuesQuery(db), [db]);
}

export function useNoteDrafts(referralId: string): NoteDraftRow[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.notes.where('referralId').equals(referralId).toArray(), [db, referralId]);
}
