import type { Tab } from '../../src-shared';
import { searchTextOf } from './lean';
import { countKey, favKey, type ReferralRow, type SearchRow } from './rows';

// What one base row contributes to the counts and to the search rows.

export function addCountDelta(counts: Map<string, number>, row: ReferralRow, sign: 1 | -1): void {
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + sign);
  bump(countKey(row.tab, row.stage));
  if (row.fav === 1) bump(favKey(row.tab));
}

export function searchRowOf(row: ReferralRow, rev: number): SearchRow {
  return { id: row.id, text: searchTextOf(row.doc), tab: row.tab, stage: row.stage, rev, gone: 0 };
}

export function tombstoneOf(id: string, tab: Tab, rev: number): SearchRow {
  return { id, text: '', tab, stage: 'archived', rev, gone: 1 };
}

/** The search rows of many referrals as one chunk row (see SearchRow). */
export function searchChunkOf(id: string, rows: readonly ReferralRow[], rev: number): SearchRow {
  const chunk = {
    ids: rows.map((r) => r.id),
    texts: rows.map((r) => searchTextOf(r.doc)),
    tabs: rows.map((r) => r.tab),
    stages: rows.map((r) => r.stage),
  };
  return { id, text: '', tab: 'marketplace', stage: 'archived', rev, gone: 0, chunk };
}
