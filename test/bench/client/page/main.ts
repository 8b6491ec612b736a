import { PartnerDeskDb } from '../../../../src-renderer/db/schema';
import { countsQuery, listPage } from '../../../../src-renderer/db/queries';
import { SyncEngine } from '../../../../src-renderer/sync/engine';
import { SyncHttp } from '../../../../src-renderer/sync/http';
import { SearchIndex } from '../../../../src-renderer/search/search-index';
import { visibleByIds } from '../../../../src-renderer/db/queries';
import type { Referral } from '../../../../src-shared';

// Runs inside Chromium: the real engine's first sync into IndexedDB, a raw IndexedDB bulk put of
// the same documents for comparison, counts, and search. Figures only; no assertions.

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function firstSync(dbName: string, token: string) {
  // As the sync worker opens it (see src-renderer/sync/worker.ts).
  const db = new PartnerDeskDb(dbName, { chromeTransactionDurability: 'relaxed' });
  let fetchMs = 0;
  const timedFetch = async (i: string, init?: RequestInit) => {
    const t = performance.now();
    const res = await fetch(i, init);
    const text = await res.text();
    fetchMs += performance.now() - t;
    return new Response(text, { status: res.status, headers: res.headers });
  };
  const http = new SyncHttp({
    baseUrl: location.origin,
    fetch: timedFetch,
    tokens: { accessToken: async () => token, refresh: async () => token },
  });
  const start = performance.now();
  let firstRowsMs: number | null = null;
  const engine = new SyncEngine({
    db,
    http,
    fault: async (point) => {
      if (firstRowsMs === null && point === 'snapshot:between-pages') {
        const page = await listPage(db, { kind: 'all-tabs', stage: 'received', order: 'deadline' }, 0, 50);
        if (page.rows.length >= 50) firstRowsMs = performance.now() - start;
      }
    },
  });
  await engine.syncOnce();
  const ms = performance.now() - start;
  const n = await db.referrals.count();
  db.close();
  return { n, ms, fetchMs, firstRowsMs: firstRowsMs ?? ms };
}

/** IndexedDB without Dexie: ~1 KB documents, 3 indexes, one transaction per 2,000. */
async function rawPut(dbName: string, docs: Referral[], durability: IDBTransactionDurability) {
  const open = indexedDB.open(dbName, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('r', { keyPath: 'id' });
    store.createIndex('status', 'status');
    store.createIndex('created', 'createdDateTime');
    store.createIndex('updated', 'updatedDateTime');
  };
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const start = performance.now();
  for (let i = 0; i < docs.length; i += 2000) {
    const tx = idb.transaction('r', 'readwrite', { durability });
    const store = tx.objectStore('r');
    for (const d of docs.slice(i, i + 2000)) store.put(d);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  idb.close();
  return { ms };
}

async function measure(dbName: string) {
  const db = new PartnerDeskDb(dbName);
  const docs = (await db.referrals.toArray()).map((r) => r.doc);
  const raw = await rawPut(`${dbName}-raw`, docs, 'default');
  const rawRelaxed = await rawPut(`${dbName}-raw-relaxed`, docs, 'relaxed');
  const countTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await countsQuery(db);
    countTimes.push(performance.now() - t);
  }
  const t0 = performance.now();
  const index = new SearchIndex(db);
  await index.refresh();
  const indexLoadMs = performance.now() - t0;
  // Queries a user types: prefixes of customer names, contact surnames and email fragments.
  const queries: string[] = [];
  for (let i = 0; i < 60; i++) {
    const d = docs[(i * 7919) % docs.length]!;
    const contact = d.customerProfile.team[0];
    const pick = [d.customerProfile.name, contact?.lastName ?? 'a', contact?.email.split('@')[0] ?? 'b'][
      i % 3
    ]!;
    queries.push(pick.toLowerCase().slice(0, 2 + (i % 5)));
  }
  const searchTimes: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const hits = index.search(q, {}, 50);
    await visibleByIds(db, hits.ids);
    searchTimes.push(performance.now() - t);
  }
  db.close();
  return {
    rawMs: raw.ms,
    rawRelaxedMs: rawRelaxed.ms,
    countsP50: percentile(countTimes, 50),
    indexLoadMs,
    searchP50: percentile(searchTimes, 50),
    searchP95: percentile(searchTimes, 95),
  };
}

(window as unknown as { bench: unknown }).bench = { firstSync, measure };

import { baseTables, writeBase } from '../../../../src-renderer/db/base-writes';
import { searchRowOf } from '../../../../src-renderer/db/base-delta';

/** Where a base write's time goes (diagnostics for the table's footnotes). */
async function probe(dbName: string) {
  const src = new PartnerDeskDb(dbName);
  const rows = await src.referrals.limit(2000).toArray();
  src.close();
  const out: Record<string, number> = {};
  const time = async (label: string, fn: (db: PartnerDeskDb) => Promise<unknown>) => {
    const db = new PartnerDeskDb(`${dbName}-probe-${label}`);
    await db.open();
    const t = performance.now();
    await fn(db);
    out[label] = performance.now() - t;
    db.close();
  };
  await time('writeBase', (db) => db.transaction('rw', [...baseTables(db)], () => writeBase(db, rows)));
  await time('referrals.bulkPut', (db) => db.referrals.bulkPut(rows));
  await time('search.bulkPut', (db) => db.search.bulkPut(rows.map((r) => searchRowOf(r, 1))));
  await time('referrals.bulkGet', (db) => db.referrals.bulkGet(rows.map((r) => r.id)));
  return out;
}
(window as unknown as { probe: unknown }).probe = probe;

/** Raw IndexedDB puts of 2,000 rows in variants of the stored shape (diagnostics). */
async function shapes(dbName: string) {
  const src = new PartnerDeskDb(dbName);
  const rows = await src.referrals.limit(2000).toArray();
  src.close();
  const out: Record<string, number> = {};
  const idx: [string, string[]][] = [
    ['a', ['tab', 'stage', 'deadline', 'id']],
    ['b', ['tab', 'stage', 'createdAt', 'id']],
    ['c', ['stage', 'deadline', 'id']],
    ['d', ['fav', 'createdAt', 'id']],
    ['e', ['fav', 'tab', 'createdAt', 'id']],
  ];
  let round = 0;
  const variant = async (label: string, indexes: boolean, values: unknown[]) => {
    const open = indexedDB.open(`${dbName}-shape-${label}-${round}`, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('r', { keyPath: 'id' });
      if (indexes) for (const [name, path] of idx) store.createIndex(name, path);
    };
    const idb = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const t = performance.now();
    const tx = idb.transaction('r', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('r');
    for (const v of values) store.put(v);
    const queued = performance.now() - t;
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
    out[label] = Math.min(out[label] ?? Infinity, performance.now() - t);
    out[`${label}:puts-queued`] = Math.min(out[`${label}:puts-queued`] ?? Infinity, queued);
    idb.close();
  };
  const t0 = performance.now();
  const json = rows.map((r) => ({ ...r, doc: JSON.stringify(r.doc) }));
  out['stringify'] = performance.now() - t0;
  for (round = 0; round < 3; round++) {
    await variant('rows+idx', true, rows);
    await variant('json+idx', true, json);
    await variant('rows', false, rows);
    await variant('json', false, json);
    await variant(
      'docs-only',
      false,
      rows.map((r) => r.doc),
    );
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] ?? 0);
  return out;
}
(window as unknown as { shapes: unknown }).shapes = shapes;
