import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { archiveOutcomeOf, ReferralSchema } from '../../src-shared';
import { toReferralRow, versionFromETag } from './lean';
import { LeanFieldsV3Schema, OutboxRowV1Schema, ReferralRowV1Schema } from './row-schemas';
import { NO_VALUE } from './rows';
import { addCountDelta, searchRowOf } from './base-delta';
import type {
  CountRow,
  MetaRow,
  NoteDraftRow,
  OutboxRow,
  ReferralRow,
  SearchRow,
  SyncIssueRow,
} from './rows';

// The local database. Version 1 was the first shipped shape (documents keyed by id, an outbox
// keyed by seq, meta); version 2 adds the lean indexed shape, counts, sync issues, note drafts
// and search rows. Never edit a released version: add the next one with an upgrade.

export const DB_NAME = 'partner-desk';

/** The stores of version 1, kept so that the upgrade test can create a real version-1 database. */
export const V1_STORES = {
  referrals: 'id',
  outbox: 'seq',
  meta: 'key',
} as const;

// Compound indexes end with the primary key so that every index key is unique: the list's offset
// arithmetic (queries.ts) compares keys to place pending changes exactly.
export const V2_STORES = {
  referrals:
    'id, [tab+stage+deadline+id], [tab+stage+createdAt+id], [stage+deadline+id], [stage+createdAt+id], [fav+createdAt+id], [fav+tab+createdAt+id], snap',
  outbox: 'seq, referralId',
  syncIssues: 'id, seq, referralId',
  notes: 'id, referralId',
  meta: 'key',
  counts: 'key',
  search: 'id, rev',
} as const;

/**
 * Version 3 makes the favorite and snapshot indexes sparse and drops the all-tabs by-date index:
 * each index entry costs write time, and the first sync writes 100,000 rows.
 */
export const V3_STORES = {
  ...V2_STORES,
  referrals:
    'id, [tab+stage+deadline+id], [tab+stage+createdAt+id], [stage+deadline+id], [fav+createdAt+id], [fav+tab+createdAt+id], snap',
} as const;

/**
 * Version 4 indexes the archive by outcome and every stage list by deal value, so that those
 * lists page through an index too. The outcome indexes are sparse (archived rows only); value
 * order breaks ties newest first, as the in-memory order did.
 */
export const V4_STORES = {
  ...V3_STORES,
  referrals:
    'id, [tab+stage+deadline+id], [tab+stage+createdAt+id], [stage+deadline+id], [fav+createdAt+id], [fav+tab+createdAt+id], snap, ' +
    '[tab+stage+value+createdAt+id], [tab+outcome+deadline+id], [tab+outcome+createdAt+id], [tab+outcome+value+createdAt+id]',
} as const;

export const CURRENT_VERSION = 4;

export class PartnerDeskDb extends Dexie {
  declare referrals: Table<ReferralRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare syncIssues: Table<SyncIssueRow, string>;
  declare notes: Table<NoteDraftRow, string>;
  declare meta: Table<MetaRow, string>;
  declare counts: Table<CountRow, string>;
  declare search: Table<SearchRow, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeToV2);
    this.version(3).stores(V3_STORES).upgrade(upgradeToV3);
    this.version(4).stores(V4_STORES).upgrade(upgradeToV4);
  }
}

/** Rebuilds rows written by version 1 into the lean shape; every old row is parsed with zod. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = new Date().toISOString();
  const referrals = tx.table<unknown, string>('referrals');
  const old = await referrals.toArray();
  const rows: ReferralRow[] = [];
  const bad: string[] = [];
  for (const raw of old) {
    const row = ReferralRowV1Schema.safeParse(raw);
    const doc = row.success ? ReferralSchema.safeParse(row.data.doc) : null;
    if (!row.success || !doc?.success) {
      const id = (raw as { id?: unknown }).id;
      if (typeof id === 'string') bad.push(id);
      continue;
    }
    const version = row.data.version || (versionFromETag(doc.data.eTag) ?? 0);
    rows.push(toReferralRow(doc.data, version, { receivedAt: now }));
  }
  const counts = new Map<string, number>();
  for (const row of rows) addCountDelta(counts, row, +1);
  await referrals.bulkPut(rows);
  await referrals.bulkDelete(bad);
  await tx.table<CountRow, string>('counts').bulkPut([...counts].map(([key, n]) => ({ key, n })));
  await tx.table<SearchRow, string>('search').bulkPut(rows.map((r) => searchRowOf(r, 1)));
  const meta = tx.table<MetaRow, string>('meta');
  await meta.put({ key: 'rev', value: 1 });
  // A copy we could not read is re-downloaded rather than shown wrong: forget the cursor.
  if (bad.length > 0) await meta.put({ key: 'cursor', value: null });

  const outbox = tx.table<unknown, number>('outbox');
  for (const raw of await outbox.toArray()) {
    const parsed = OutboxRowV1Schema.safeParse(raw);
    if (!parsed.success) continue; // left as is: push sends it and the service records the rejection
    const args = parsed.data.args as { referralId?: unknown } | null;
    const referralId = typeof args?.referralId === 'string' ? args.referralId : '';
    await outbox.put({ ...parsed.data, referralId } satisfies OutboxRow);
  }
}

/** Non-favorites and pulled rows lose the `fav: 0` / `snap: ''` placeholders that version 2 wrote. */
async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table<Record<string, unknown>, string>('referrals')
    .toCollection()
    .modify((row) => {
      if (row['fav'] !== 1) delete row['fav'];
      if (row['snap'] === '') delete row['snap'];
    });
}

/**
 * Fills `outcome` and `value` from each row's document (parsed with zod: a document we cannot
 * read gets no outcome and NO_VALUE, so it stays in its counted lists, sorted last). Tab and
 * stage do not change, so counts are untouched.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table<Record<string, unknown>, string>('referrals')
    .toCollection()
    .modify((row) => {
      const doc = LeanFieldsV3Schema.safeParse(row['doc']);
      delete row['outcome'];
      row['value'] = NO_VALUE;
      if (!doc.success) return;
      const outcome = archiveOutcomeOf(doc.data);
      if (outcome) row['outcome'] = outcome;
      row['value'] = doc.data.details.dealValue ?? NO_VALUE;
    });
}

/** Opens a database in a fresh fake or real IndexedDB factory. */
export function openDb(name: string = DB_NAME, options?: DexieOptions): PartnerDeskDb {
  return new PartnerDeskDb(name, options);
}
