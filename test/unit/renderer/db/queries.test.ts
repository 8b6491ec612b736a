import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES, TABS } from '../../../../src-shared/index';
import { createActions } from '../../../../src-renderer/db/actions';
import { countsQuery, listPage, visibleByIds } from '../../../../src-renderer/db/queries';
import { resolveSpec, cmpKeys, type ListSpec } from '../../../../src-renderer/db/list-spec';
import { toReferralRow } from '../../../../src-renderer/db/lean';
import { loadOverlayContext, applyPending, pendingByReferral } from '../../../../src-renderer/db/visible';
import type { PartnerDeskDb } from '../../../../src-renderer/db/schema';
import { doc, freshDb, putBase, referralId } from '../support/db';

// The list is read a page at a time through an index, with pending work overlaid. The reference
// model: compute every visible referral, filter and sort; the pages must concatenate to it.

const NOW = new Date('2025-03-02T00:00:00.000Z');

async function reference(db: PartnerDeskDb, spec: ListSpec): Promise<string[]> {
  const r = resolveSpec(spec);
  const [rows, pending, ctx] = await Promise.all([
    db.referrals.toArray(),
    pendingByReferral(db),
    loadOverlayContext(db, NOW),
  ]);
  const visible = rows.map((row) => {
    const v = applyPending(row, pending.get(row.id) ?? [], ctx);
    return {
      row: v ? toReferralRow(v.referral, row.version, row) : row,
      base: row,
      changed: (pending.get(row.id) ?? []).length > 0,
    };
  });
  const inList = visible.filter((v) => r.matches(v.row));
  const order = (a: (typeof inList)[number], b: (typeof inList)[number]) =>
    (r.descending ? -1 : 1) * cmpKeys(r.keyOf(a.row), r.keyOf(b.row));
  // Moved in by pending work (or re-keyed) first, then the rest in index order.
  const moved = inList.filter(
    (v) => v.changed && !(r.matches(v.base) && cmpKeys(r.keyOf(v.base), r.keyOf(v.row)) === 0),
  );
  const rest = inList.filter((v) => !moved.includes(v));
  return [...moved.sort(order), ...rest.sort(order)].map((v) => v.row.id);
}

describe('list pages and counts with pending work', () => {
  it('page through an index, exactly, whatever the pending work and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 39 }),
            op: fc.constantFrom('accept', 'decline', 'fav', 'unfav', 'note'),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom<ListSpec>(
          { kind: 'stage', tab: 'marketplace', stage: 'received', order: 'deadline' },
          { kind: 'stage', tab: 'marketplace', stage: 'accepted', order: 'newest' },
          { kind: 'all-tabs', stage: 'archived', order: 'deadline' },
          { kind: 'all-tabs', stage: 'received', order: 'deadline' },
          { kind: 'favorites' },
          { kind: 'favorites', tab: 'marketplace', order: 'oldest' },
          { kind: 'stage', tab: 'marketplace', stage: 'received', order: 'value' },
          { kind: 'stage', tab: 'marketplace', stage: 'accepted', order: 'value' },
          { kind: 'stage', tab: 'marketplace', stage: 'archived', order: 'deadline', outcome: 'won' },
          { kind: 'stage', tab: 'marketplace', stage: 'archived', order: 'newest', outcome: 'declined' },
          { kind: 'stage', tab: 'marketplace', stage: 'archived', order: 'value', outcome: 'lost' },
          { kind: 'stage', tab: 'marketplace', stage: 'archived', order: 'value', outcome: 'declined' },
        ),
        async (ops, pageSize, spec) => {
          const { db } = freshDb();
          // Deal values repeat (ties) and are sometimes unknown; some referrals start archived.
          const dealValue = (n: number) => (n % 5 === 0 ? null : (n % 3) * 100);
          const archived = (n: number) =>
            n % 7 === 1
              ? { status: 'Closed', substatus: 'Won' }
              : n % 7 === 3
                ? { status: 'Closed', substatus: 'Lost' }
                : n % 7 === 5
                  ? { status: 'Closed', substatus: 'Declined' }
                  : null;
          const docs = Array.from({ length: 40 }, (_, n) =>
            doc(
              n,
              n % 4 === 0
                ? {
                    status: 'Active',
                    substatus: 'Accepted',
                    details: { closingDateTime: `2025-0${(n % 9) + 1}-01`, dealValue: dealValue(n) },
                  }
                : { favorite: n % 3 === 0, ...archived(n), details: { dealValue: dealValue(n) } },
            ),
          );
          await putBase(db, docs, 5);
          const actions = createActions(db, { now: () => NOW });
          for (const { n, op } of ops) {
            const id = referralId(n);
            if (op === 'accept')
              await actions.accept({
                referralId: id,
                name: 'Deal',
                dealValue: 1,
                currency: 'EUR',
                closingDate: '2025-05-01',
              });
            if (op === 'decline') await actions.decline({ referralId: id, reasonCode: 2 });
            if (op === 'fav' || op === 'unfav')
              await actions.setFavorite({ referralId: id, favorite: op === 'fav' });
            if (op === 'note') await actions.addNote({ referralId: id, text: 'hi' });
          }
          const expected = await reference(db, spec);
          const got: string[] = [];
          let total = -1;
          for (let offset = 0; offset < expected.length + pageSize; offset += pageSize) {
            const page = await listPage(db, spec, offset, pageSize, NOW);
            total = page.total;
            got.push(...page.rows.map((v) => v.referral.id));
          }
          expect(got).toEqual(expected);
          expect(total).toBe(expected.length);
          db.close();
        },
      ),
      { numRuns: 40, seed: 4242 },
    );
  });

  it('keep counts equal to a recount after any sequence of base writes, and overlay pending work', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 15 }),
            del: fc.boolean(),
            state: fc.constantFrom(
              ['New', 'Received'],
              ['Active', 'Accepted'],
              ['Closed', 'Won'],
              ['Closed', 'Expired'],
            ),
            fav: fc.boolean(),
            qual: fc.constantFrom('Direct', 'SalesQualified'),
          }),
          { maxLength: 30 },
        ),
        async (writes) => {
          const { db } = freshDb();
          for (const w of writes) {
            if (w.del) await putBase(db, [], 1, [referralId(w.n)]);
            else
              await putBase(db, [
                doc(w.n, {
                  status: w.state[0],
                  substatus: w.state[1],
                  favorite: w.fav,
                  qualification: w.qual,
                  inviteContext: { invitedBy: { organizationId: 'msft' } },
                }),
              ]);
          }
          const rows = await db.referrals.toArray();
          const counts = await countsQuery(db);
          for (const tab of TABS) {
            for (const stage of STAGES)
              expect(counts.byTab[tab][stage]).toBe(
                rows.filter((r) => r.tab === tab && r.stage === stage).length,
              );
            expect(counts.favorites[tab]).toBe(rows.filter((r) => r.tab === tab && r.fav === 1).length);
          }
          db.close();
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });

  it('shows a pending accept in the counts and on the referral', async () => {
    const { db } = freshDb();
    await putBase(db, [doc(1), doc(2)]);
    await createActions(db, { now: () => NOW }).accept({
      referralId: referralId(1),
      name: 'Big deal',
      dealValue: 9,
      currency: 'USD',
      closingDate: '2025-04-01',
    });
    const counts = await countsQuery(db, NOW);
    expect(counts.byTab.marketplace).toEqual({ received: 1, accepted: 1, archived: 0 });
    const [visible] = await visibleByIds(db, [referralId(1)], NOW);
    expect(visible?.referral).toMatchObject({ substatus: 'Accepted', name: 'Big deal' });
    expect(visible?.pending).toEqual([{ seq: 1, name: 'accept', expected: 'applied' }]);
    expect((await db.referrals.get(referralId(1)))?.doc.substatus).toBe('Received');
  });
});
