import type { PartnerDeskDb } from '../../db/schema';
import { searchIndexFor } from '../../search/search-index';

/** Ids matching every word of the query, from the store's in-memory search index. */
export async function searchIds(db: PartnerDeskDb, query: string, limit = 5000): Promise<string[]> {
  const index = searchIndexFor(db);
  await index.refresh();
  return index.search(query, {}, limit).ids;
}
