import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../src-renderer/search/search-index';
import { searchReferrals } from '../../../../src-renderer/search/use-search';
import { createActions } from '../../../../src-renderer/db/actions';
import { doc, freshDb, putBase, referralId } from '../support/db';

describe('search index', () => {
  it('finds by customer, deal, contact name and email, with filters, loading in pages', async () => {
    const { db } = freshDb();
    await putBase(
      db,
      Array.from({ length: 1200 }, (_, n) =>
        doc(n, n % 3 === 0 ? { status: 'Active', substatus: 'Accepted', name: `Rollout ${n}` } : {}),
      ),
    );
    const index = new SearchIndex(db);
    await index.refresh(100);
    expect(index.size).toBe(1200);
    expect(index.search('customer 1199').ids).toEqual([referralId(1199)]);
    expect(index.search('ANN1199@EXAMPLE').ids).toEqual([referralId(1199)]);
    expect(index.search('smith7').total).toBe(1 + 10 + 100); // smith7, smith70-79, smith700-799
    expect(index.search('rollout', { stage: 'accepted' }, 5)).toEqual({
      ids: [0, 3, 6, 9, 12].map(referralId),
      total: 400,
    });
    expect(index.search('rollout', { stage: 'received' }).total).toBe(0);
    expect(index.search('customer smith12 ').ids.sort()).toEqual(
      [12, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129].map(referralId).sort(),
    );
  });

  it('keeps up with base writes and deletions by reading only newer rows', async () => {
    const { db } = freshDb();
    await putBase(db, [doc(1), doc(2)]);
    const index = new SearchIndex(db);
    await index.refresh();
    await putBase(db, [doc(2, { customerProfile: { name: 'Northwind Traders' } }), doc(3)], 2, [
      referralId(1),
    ]);
    await index.refresh();
    expect(index.search('customer').ids).toEqual([referralId(3)]);
    expect(index.search('northwind').ids).toEqual([referralId(2)]);
    expect(index.size).toBe(3);
  });

  it('returns the visible copies of the first page only', async () => {
    const { db } = freshDb();
    await putBase(
      db,
      Array.from({ length: 30 }, (_, n) => doc(n)),
    );
    await createActions(db).setFavorite({ referralId: referralId(4), favorite: true });
    const result = await searchReferrals(db, 'customer', {}, 5);
    expect(result.total).toBe(30);
    expect(result.rows.map((r) => r.referral.id)).toEqual([0, 1, 2, 3, 4].map(referralId));
    expect(result.rows[4]?.referral.favorite).toBe(true);
  });
});
