import type { PartnerDeskDb } from '../../db/schema';
import { searchIndexFor } from '../../search/search-index';

/** How many matches a search shows: enough to scan by eye, few enough to read and sort at once. */
export const SEARCH_LIMIT = 300;

export interface SearchMatches {
  ids: string[];
  /** Every match, of which `ids` are the first SEARCH_LIMIT. */
  total: number;
}

/** Matches of every word of the query, from the store's in-memory search index. */
export async function searchIds(
  db: PartnerDeskDb,
  query: string,
  limit = SEARCH_LIMIT,
): Promise<SearchMatches> {
  const index = searchIndexFor(db);
  await index.refresh();
  return index.search(query, {}, limit);
}
