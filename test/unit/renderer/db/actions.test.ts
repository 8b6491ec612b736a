import { describe, expect, it } from 'vitest';
import { ActionError, createActions } from '../../../../src-renderer/db/actions';
import { getMeta } from '../../../../src-renderer/db/meta';
import { pendingSummary } from '../../../../src-renderer/db/queries';
import { freshDb, putBase, doc, referralId } from '../support/db';

describe('user actions', () => {
  it('allocate gap-free seqs inside the transaction, even when issued concurrently and across reopen', async () => {
    const { db, reopen } = freshDb();
    await putBase(db, [doc(1)]);
    const actions = createActions(db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        actions.setFavorite({ referralId: referralId(1), favorite: i % 2 === 0 }),
      ),
    );
    db.close();
    const again = reopen();
    await createActions(again).addNote({ referralId: referralId(1), text: 'after restart' });
    const seqs = (await again.outbox.toArray()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(await getMeta(again.meta, 'seq')).toBe(21);
    expect(await getMeta(again.meta, 'deviceId')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuse invalid arguments with the field, and write nothing', async () => {
    const { db } = freshDb();
    const actions = createActions(db);
    const error = await actions
      .accept({
        referralId: referralId(1),
        name: 'Deal',
        dealValue: -5,
        currency: 'eur',
        closingDate: '2025-02-30',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).fields.map((f) => f.field).sort()).toEqual([
      'closingDate',
      'currency',
      'dealValue',
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db.meta, 'seq')).toBe(0);
  });

  it('store parsed arguments, the device clock and the referral id', async () => {
    const { db } = freshDb();
    const actions = createActions(db, { now: () => new Date('2025-03-05T08:00:00.000Z') });
    const row = await actions.addTeamMember({
      referralId: referralId(3),
      member: { email: 'bo@example.com' },
    });
    expect(row).toMatchObject({
      seq: 1,
      name: 'addTeamMember',
      referralId: referralId(3),
      createdAt: '2025-03-05T08:00:00.000Z',
      args: { member: { email: 'bo@example.com', firstName: '', lastName: '', phoneNumber: '' } },
    });
    expect(await pendingSummary(db)).toEqual({ count: 1, oldestCreatedAt: '2025-03-05T08:00:00.000Z' });
  });

  it('send a note draft: the draft goes and the outbox row comes in one transaction', async () => {
    const { db } = freshDb();
    const actions = createActions(db);
    const draftId = await actions.saveNoteDraft({ referralId: referralId(1), text: 'half typed' });
    expect(await db.notes.count()).toBe(1);
    await actions.addNote({ referralId: referralId(1), text: 'done typing', noteId: draftId });
    expect(await db.notes.count()).toBe(0);
    expect((await db.outbox.get(1))?.args).toMatchObject({ noteId: draftId, text: 'done typing' });
  });

  it('default editDeal.baseVersion to the version of the local copy', async () => {
    const { db } = freshDb();
    await putBase(db, [doc(1, { status: 'Active', substatus: 'Accepted' })], 17);
    const row = await createActions(db).editDeal({ referralId: referralId(1), fields: { dealValue: 10 } });
    expect(row.args).toMatchObject({ baseVersion: 17 });
  });
});
