import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/hooks';
import { listPage, visibleByIds } from '../../db/queries';
import type { VisibleReferral } from '../../db/visible';
import { indexedSpec, type ListQuery } from './list-query';
import { orderedIds } from './ordered-ids';
import { searchIds } from './search-ids';

// The list as the virtual list needs it: a total and the rows of the visible window. The window
// is read in blocks so that scrolling inside a block does not re-query. Each answer carries the
// query and offset it was computed for: useLiveQuery keeps the previous answer while the next
// one loads, and rows must never be drawn at another query's positions.

export const BLOCK = 60;

export interface LeadListWindow {
  /** undefined while the first answer for this query is loading. */
  total: number | undefined;
  offset: number;
  rows: readonly VisibleReferral[];
  /** Ordered ids of the whole list when known (in-memory path). */
  ids: readonly string[] | null;
  /** The rows shown belong to the current query (not the previous one, still on screen). */
  ready: boolean;
  /** A search shows its first SEARCH_LIMIT matches: how many there are in all. */
  matches: number | null;
}

export function windowOf(start: number, end: number): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(start / BLOCK) * BLOCK - BLOCK);
  const last = Math.ceil((end + 1) / BLOCK) * BLOCK + BLOCK;
  return { offset, limit: last - offset };
}

export function useLeadList(q: ListQuery, start: number, end: number): LeadListWindow {
  const db = useDb();
  const spec = indexedSpec(q);
  const { offset, limit } = windowOf(start, end);
  const key = JSON.stringify(q);

  const page = useLiveQuery(
    async () => (spec ? { key, offset, ...(await listPage(db, spec, offset, limit)) } : null),
    [db, key, offset, limit],
  );
  const ids = useLiveQuery(async () => {
    if (spec) return null;
    const term = q.search.trim();
    const found = term ? await searchIds(db, term) : null;
    return { key, ids: await orderedIds(db, q, found?.ids ?? null), matches: found?.total ?? null };
  }, [db, key]);
  const currentIds = ids && ids.key === key ? ids.ids : null;
  const idWindow = currentIds ? currentIds.slice(offset, offset + limit) : null;
  const idKey = idWindow ? `${key}@${offset}:${idWindow.join(',')}` : '';
  const rows = useLiveQuery(
    async () => (idWindow ? { key, offset, rows: await visibleByIds(db, idWindow) } : null),
    [db, idKey],
  );

  if (spec) {
    const fresh = page && page.key === key;
    return {
      total: fresh ? page.total : undefined,
      offset: fresh ? page.offset : offset,
      rows: fresh ? page.rows : [],
      ids: null,
      ready: Boolean(fresh),
      matches: null,
    };
  }
  const fresh = rows && rows.key === key && currentIds;
  return {
    total: currentIds?.length,
    offset: fresh ? rows.offset : offset,
    rows: fresh ? rows.rows : [],
    ids: currentIds,
    ready: Boolean(fresh),
    matches: ids && ids.key === key ? ids.matches : null,
  };
}
