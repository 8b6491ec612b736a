import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  PartnerDeskDb,
  V1_STORES,
  V2_STORES,
  V3_STORES,
} from '../../../../src-renderer/db/schema';
import { getMeta } from '../../../../src-renderer/db/meta';
import { countsQuery } from '../../../../src-renderer/db/queries';
import { doc, referralId } from '../support/db';

// A database written by version 1 opens with the current schema: rows are parsed with zod and
// rebuilt into the lean shape, counts and search rows are built, unreadable rows are dropped and
// the cursor forgotten so that they are downloaded again.

describe('database upgrade from version 1', () => {
  it('migrates referrals, outbox and meta', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('pd', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(V1_STORES);
    await v1.table('referrals').bulkPut([
      { id: referralId(1), version: 3, doc: doc(1) },
      {
        id: referralId(2),
        version: 4,
        doc: doc(2, { status: 'Active', substatus: 'Accepted', favorite: true }),
      },
      { id: 'broken', version: 5, doc: { id: 'broken', createdDateTime: 'yesterday' } },
    ]);
    await v1
      .table('outbox')
      .put({
        seq: 1,
        id: 'm-1',
        name: 'setFavorite',
        args: { referralId: referralId(1), favorite: true },
        createdAt: '2025-03-02T10:00:00.000Z',
      });
    await v1.table('meta').bulkPut([
      { key: 'deviceId', value: 'device-1' },
      { key: 'seq', value: 1 },
      { key: 'cursor', value: 'c-9' },
    ]);
    v1.close();

    const db = new PartnerDeskDb('pd', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const rows = await db.referrals.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual([referralId(1), referralId(2)]);
    const accepted = rows.find((r) => r.id === referralId(2));
    expect(accepted).toMatchObject({ tab: 'marketplace', stage: 'accepted', fav: 1, version: 4 });
    expect((await countsQuery(db)).byTab.marketplace).toEqual({ received: 1, accepted: 1, archived: 0 });
    expect(await db.search.count()).toBe(2);
    expect(await db.outbox.get(1)).toMatchObject({ referralId: referralId(1), name: 'setFavorite' });
    expect(await getMeta(db.meta, 'deviceId')).toBe('device-1');
    expect(await getMeta(db.meta, 'seq')).toBe(1);
    // The broken row is re-downloaded: the cursor is forgotten.
    expect(await getMeta(db.meta, 'cursor')).toBeNull();
    db.close();
  });

  it('makes the favorite and snapshot indexes sparse from version 2', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie('pd2', { indexedDB: factory, IDBKeyRange });
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    const row = (n: number, fav: 0 | 1) => ({
      id: referralId(n),
      tab: 'marketplace',
      stage: 'received',
      deadline: '~',
      createdAt: doc(n).createdDateTime,
      fav,
      version: 1,
      snap: '',
      receivedAt: doc(n).createdDateTime,
      doc: doc(n, { favorite: fav === 1 }),
    });
    await v2.table('referrals').bulkPut([row(1, 0), row(2, 1)]);
    v2.close();
    const db = new PartnerDeskDb('pd2', { indexedDB: factory, IDBKeyRange });
    const first = await db.referrals.get(referralId(1));
    expect(first && 'fav' in first).toBe(false);
    expect(first && 'snap' in first).toBe(false);
    expect(await db.referrals.where('[fav+createdAt+id]').between([1], [1, []]).primaryKeys()).toEqual([
      referralId(2),
    ]);
    db.close();
  });

  it('indexes outcome and deal value from version 3, counts untouched', async () => {
    const factory = new IDBFactory();
    const v3 = new Dexie('pd3', { indexedDB: factory, IDBKeyRange });
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES);
    v3.version(3).stores(V3_STORES);
    const row = (n: number, stage: string, d: ReturnType<typeof doc>) => ({
      id: referralId(n),
      tab: 'marketplace',
      stage,
      deadline: '~',
      createdAt: d.createdDateTime,
      version: 1,
      receivedAt: d.createdDateTime,
      doc: d,
    });
    await v3
      .table('referrals')
      .bulkPut([
        row(1, 'archived', doc(1, { status: 'Closed', substatus: 'Won', details: { dealValue: 700 } })),
        row(2, 'archived', doc(2, { status: 'Closed', substatus: 'Lost' })),
        row(3, 'received', doc(3, { details: { dealValue: 50 } })),
        row(4, 'archived', doc(4, { status: 'Closed', substatus: 'Won', details: { dealValue: 20 } })),
        { ...row(5, 'received', doc(5)), doc: { id: referralId(5) } },
      ]);
    await v3.table('counts').bulkPut([
      { key: 't:marketplace:archived', n: 3 },
      { key: 't:marketplace:received', n: 2 },
    ]);
    v3.close();

    const db = new PartnerDeskDb('pd3', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.referrals.get(referralId(1))).toMatchObject({ outcome: 'won', value: 700 });
    expect(await db.referrals.get(referralId(2))).toMatchObject({ outcome: 'lost', value: -1 });
    const open = await db.referrals.get(referralId(3));
    expect(open).toMatchObject({ value: 50 });
    expect(open && 'outcome' in open).toBe(false);
    // An unreadable document stays in its lists, without an outcome, sorted last by value.
    expect(await db.referrals.get(referralId(5))).toMatchObject({ value: -1 });
    const won = await db.referrals
      .where('[tab+outcome+createdAt+id]')
      .between(['marketplace', 'won'], ['marketplace', 'won', []])
      .primaryKeys();
    expect(won).toEqual([referralId(1), referralId(4)]);
    const byValue = await db.referrals
      .where('[tab+stage+value+createdAt+id]')
      .between(['marketplace', 'received'], ['marketplace', 'received', []])
      .reverse()
      .primaryKeys();
    expect(byValue).toEqual([referralId(3), referralId(5)]);
    expect((await countsQuery(db)).byTab.marketplace).toEqual({ received: 2, accepted: 0, archived: 3 });
    db.close();
  });

  it('opens an empty database at the current version', async () => {
    const db = new PartnerDeskDb('fresh', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await getMeta(db.meta, 'seq')).toBe(0);
  });
});
