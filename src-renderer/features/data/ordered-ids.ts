import Dexie from 'dexie';
import type { PartnerDeskDb } from '../../db/schema';
import { NO_VALUE, type ReferralRow } from '../../db/rows';
import { deadlineKey } from '../../db/lean';
import { pendingByReferral } from '../../db/visible';
import { visibleByIds } from '../../db/queries';
import { compareBy, matchesQuery, type ListQuery, type SortKeyed } from './list-query';

// The in-memory list path: read the candidate rows through the narrowest index, filter, overlay
// this device's pending work (so a heart clicked offline moves the row into Favorites at once),
// sort, and return ids. The list then reads only the visible window through visibleByIds.

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

async function candidates(
  db: PartnerDeskDb,
  q: ListQuery,
  searchIds: readonly string[] | null,
): Promise<ReferralRow[]> {
  if (searchIds) {
    const rows = await db.referrals.bulkGet([...searchIds]);
    return rows.filter((r): r is ReferralRow => r !== undefined);
  }
  if (q.tab === 'favorites') {
    return db.referrals
      .where('[fav+createdAt+id]')
      .between([1, MIN, MIN], [1, MAX, MAX], true, true)
      .toArray();
  }
  return db.referrals
    .where('[tab+stage+createdAt+id]')
    .between([q.tab, q.stage, MIN, MIN], [q.tab, q.stage, MAX, MAX], true, true)
    .toArray();
}

const keyed = (id: string, doc: ReferralRow['doc']): SortKeyed => ({
  id,
  deadline: deadlineKey(doc),
  createdAt: doc.createdDateTime,
  value: doc.details.dealValue ?? NO_VALUE,
});

export async function orderedIds(
  db: PartnerDeskDb,
  q: ListQuery,
  searchIds: readonly string[] | null,
): Promise<string[]> {
  const [rows, pending] = await Promise.all([candidates(db, q, searchIds), pendingByReferral(db)]);
  const items = new Map<string, SortKeyed>();
  for (const row of rows) {
    if (pending.has(row.id)) continue;
    if (matchesQuery(row.doc, q)) items.set(row.id, keyed(row.id, row.doc));
  }
  // Pending work is a user's offline actions: few rows, re-evaluated on their visible state.
  const touched = [...pending.keys()].filter((id) => !searchIds || searchIds.includes(id));
  for (const v of await visibleByIds(db, touched)) {
    if (matchesQuery(v.referral, q)) items.set(v.referral.id, keyed(v.referral.id, v.referral));
  }
  return [...items.values()].sort(compareBy(q.sort)).map((k) => k.id);
}
