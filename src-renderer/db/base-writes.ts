import type { PartnerDeskDb } from './schema';
import type { ReferralRow } from './rows';
import { addCountDelta, searchChunkOf, searchRowOf, tombstoneOf } from './base-delta';
import { getMeta, setMeta } from './meta';

// The only way base (service) state is written: each call keeps the counts and the search rows
// in step, inside the caller's transaction, so counts never need a scan and search never a reload.

/** The tables a base write touches; a caller's transaction must include them. */
export function baseTables(db: PartnerDeskDb) {
  return [db.referrals, db.counts, db.search, db.meta] as const;
}

export interface BaseWriteResult {
  /** Ids that were not in the base before this write. */
  inserted: string[];
}

export interface BaseWriteOptions {
  /**
   * Rows the caller knows are not in the base (a first sync's rows unchanged since the pin):
   * they skip the read of the previous copy, which is a round trip per row.
   */
  knownAbsent?: (row: ReferralRow) => boolean;
  /** Write the upserts' search rows as one chunk row with this id (a snapshot page). */
  searchChunkId?: string;
}

export async function writeBase(
  db: PartnerDeskDb,
  upserts: readonly ReferralRow[],
  deletes: readonly string[] = [],
  options: BaseWriteOptions = {},
): Promise<BaseWriteResult> {
  if (upserts.length === 0 && deletes.length === 0) return { inserted: [] };
  const before = await previousCopies(db, upserts, deletes, options.knownAbsent);
  const counts = new Map<string, number>();
  const inserted: string[] = [];
  const puts: ReferralRow[] = [];
  upserts.forEach((row, i) => {
    const old = before[i];
    if (old) {
      addCountDelta(counts, old, -1);
      // The first arrival is what bounds a pending action's time: keep it.
      puts.push({ ...row, receivedAt: old.receivedAt });
    } else {
      inserted.push(row.id);
      puts.push(row);
    }
    addCountDelta(counts, row, +1);
  });
  const gone: ReferralRow[] = [];
  deletes.forEach((_, i) => {
    const old = before[upserts.length + i];
    if (old) {
      addCountDelta(counts, old, -1);
      gone.push(old);
    }
  });
  const rev = (await getMeta(db.meta, 'rev')) + 1;
  await setMeta(db.meta, 'rev', rev);
  await db.referrals.bulkPut(puts);
  if (gone.length > 0) await db.referrals.bulkDelete(gone.map((r) => r.id));
  const tombstones = gone.map((r) => tombstoneOf(r.id, r.tab, rev));
  if (options.searchChunkId !== undefined && puts.length > 0) {
    await db.search.bulkPut([searchChunkOf(options.searchChunkId, puts, rev), ...tombstones]);
  } else {
    await db.search.bulkPut([...puts.map((r) => searchRowOf(r, rev)), ...tombstones]);
  }
  await applyCounts(db, counts);
  return { inserted };
}

/**
 * The base copies before this write. Returns Dexie's promise even when nothing needs reading: a
 * native await of a settled promise inside a transaction loses Dexie's zone (PrematureCommitError).
 */
function previousCopies(
  db: PartnerDeskDb,
  upserts: readonly ReferralRow[],
  deletes: readonly string[],
  knownAbsent: ((row: ReferralRow) => boolean) | undefined,
): Promise<(ReferralRow | undefined)[]> {
  const ids = [...upserts.map((r) => r.id), ...deletes];
  if (!knownAbsent) return db.referrals.bulkGet(ids);
  const ask: number[] = [];
  ids.forEach((_, i) => {
    const row = upserts[i];
    if (!row || !knownAbsent(row)) ask.push(i);
  });
  return db.referrals.bulkGet(ask.map((i) => ids[i] as string)).then((found) => {
    const before = new Array<ReferralRow | undefined>(ids.length).fill(undefined);
    ask.forEach((i, k) => (before[i] = found[k]));
    return before;
  });
}

async function applyCounts(db: PartnerDeskDb, deltas: Map<string, number>): Promise<void> {
  const keys = [...deltas.keys()].filter((k) => deltas.get(k) !== 0);
  if (keys.length === 0) return;
  const rows = await db.counts.bulkGet(keys);
  await db.counts.bulkPut(keys.map((key, i) => ({ key, n: (rows[i]?.n ?? 0) + (deltas.get(key) ?? 0) })));
}
