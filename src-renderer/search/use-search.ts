import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../db/hooks';
import { visibleByIds } from '../db/queries';
import type { PartnerDeskDb } from '../db/schema';
import type { VisibleReferral } from '../db/visible';
import { searchIndexFor, type SearchFilter } from './search-index';

export interface SearchResult {
  rows: VisibleReferral[];
  total: number;
}

/** Scans the in-memory index, then reads only the first `limit` documents (with pending work). */
export async function searchReferrals(
  db: PartnerDeskDb,
  query: string,
  filter: SearchFilter = {},
  limit = 50,
): Promise<SearchResult> {
  const index = searchIndexFor(db);
  // Reading through Dexie here also makes a surrounding liveQuery re-run when the base changes.
  await index.refresh();
  const hits = index.search(query, filter, limit);
  return { rows: await visibleByIds(db, hits.ids), total: hits.total };
}

/** Search as you type; `undefined` while the first load runs. */
export function useSearch(query: string, filter: SearchFilter = {}, limit = 50): SearchResult | undefined {
  const db = useDb();
  const { tab, stage } = filter;
  return useLiveQuery(
    () => searchReferrals(db, query, { ...(tab ? { tab } : {}), ...(stage ? { stage } : {}) }, limit),
    [db, query, tab, stage, limit],
  );
}
