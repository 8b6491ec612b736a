import type { PartnerDeskDb } from '../../db/schema';
import type { SearchRow } from '../../db/rows';
import { getMetas } from '../../db/meta';

// INTERIM: the store's in-memory search index (src-renderer/search) has not landed yet. This
// keeps the search rows in memory and follows their `rev` stamps; it is replaced by that index
// as soon as it exists (one search, not two).

let texts: Map<string, string> = new Map();
let loadedRev = -1;
let loadedEpoch = -1;
let loading: Promise<void> | null = null;

async function refresh(db: PartnerDeskDb): Promise<void> {
  const meta = await getMetas(db.meta, ['rev', 'searchEpoch']);
  if (meta.searchEpoch !== loadedEpoch) {
    const all = await db.search.toArray();
    texts = new Map(all.filter((r) => r.gone === 0).map((r) => [r.id, r.text]));
    loadedEpoch = meta.searchEpoch;
    loadedRev = meta.rev;
    return;
  }
  if (meta.rev === loadedRev) return;
  const changed: SearchRow[] = await db.search.where('rev').above(loadedRev).toArray();
  for (const r of changed) {
    if (r.gone === 1) texts.delete(r.id);
    else texts.set(r.id, r.text);
  }
  loadedRev = meta.rev;
}

/** Ids whose searchable text contains every word of the query (case-insensitive). */
export async function searchIds(db: PartnerDeskDb, query: string, limit = 5000): Promise<string[]> {
  loading ??= refresh(db).finally(() => (loading = null));
  await loading;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  if (words.length === 0) return out;
  for (const [id, text] of texts) {
    if (words.every((w) => text.includes(w))) {
      out.push(id);
      if (out.length >= limit) break;
    }
  }
  return out;
}
