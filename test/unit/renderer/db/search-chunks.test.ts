import { describe, expect, it } from 'vitest';
import { baseTables, writeBase } from '../../../../src-renderer/db/base-writes';
import { toReferralRow } from '../../../../src-renderer/db/lean';
import { SEARCH_CHUNK_PREFIX } from '../../../../src-renderer/db/rows';
import { SearchIndex } from '../../../../src-renderer/search/search-index';
import { doc, freshDb, putBase, referralId } from '../support/db';

// A snapshot page writes its search rows as one chunk row; later single rows (pulls, deletions)
// must win over it whichever order a load reads them in.

const now = new Date().toISOString();

describe('search chunk rows', () => {
  it('are found like single rows, and newer single rows and tombstones win on a full load and on a delta', async () => {
    const { db } = freshDb();
    await db.open();
    // The chunk id sorts after the referral ids: a full load by id reads the newer rows first.
    const rows = Array.from({ length: 10 }, (_, n) => toReferralRow(doc(n), 1, { receivedAt: now }));
    await db.transaction('rw', [...baseTables(db)], () =>
      writeBase(db, rows, [], { searchChunkId: `${SEARCH_CHUNK_PREFIX}s1:0`, knownAbsent: () => true }),
    );
    expect(await db.search.count()).toBe(1);
    expect(await db.referrals.count()).toBe(10);
    const live = new SearchIndex(db);
    await live.refresh();
    expect(live.search('customer').total).toBe(10);

    await putBase(db, [doc(2, { customerProfile: { name: 'Northwind Traders' } })], 2, [referralId(3)]);
    await live.refresh();
    const fresh = new SearchIndex(db);
    await fresh.refresh();
    for (const index of [live, fresh]) {
      expect(index.search('northwind').ids).toEqual([referralId(2)]);
      expect(index.search('customer').total).toBe(8);
      expect(index.search('customer').ids).not.toContain(referralId(3));
    }
    const counts = await db.counts.toArray();
    expect(counts.reduce((sum, c) => sum + (c.key.startsWith('t:') ? c.n : 0), 0)).toBe(9);
  });

  it('knownAbsent skips only the lookups it vouches for: a row already in the base is still counted once', async () => {
    const { db } = freshDb();
    await putBase(db, [doc(1)]);
    const rows = [1, 2].map((n) => toReferralRow(doc(n), n === 1 ? 5 : 1, { receivedAt: now }));
    const result = await db.transaction('rw', [...baseTables(db)], () =>
      writeBase(db, rows, [], { knownAbsent: (r) => r.version <= 1 }),
    );
    expect(result.inserted).toEqual([referralId(2)]);
    const counts = await db.counts.toArray();
    expect(counts.reduce((sum, c) => sum + (c.key.startsWith('t:') ? c.n : 0), 0)).toBe(2);
  });
});
