import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../../src-shared/index';
import { setMembersSeeReceived } from '../../../src-server/auth/identity-repo';
import { writeReferrals } from '../../../src-server/referrals/referral-repo';
import { startService, type RunningService } from '../../support/service';
import {
  acceptArgs,
  createTestOrg,
  DATABASES,
  DeviceReplica,
  makeReferral,
  mutation,
  pull,
  push,
  seedReferrals,
  signIn,
  snapshotPage,
  stopPostgresAfterAll,
} from './helpers';

// Pull, snapshot and visibility: completeness under concurrency, paging inside one version,
// snapshot order and resume, outcomes with atVersion, and the deletes of lost visibility.

stopPostgresAfterAll();

describe.each(DATABASES)('pull and snapshot (%s)', (database) => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ snapshotPageSize: 10, pullPageLimit: 1000 }, { database });
  });
  afterAll(() => service.close());

  async function serverRows(orgId: string): Promise<Map<string, number>> {
    const rows = await service.ctx.db.query<{ id: string; version: number }>(
      'SELECT id, version FROM referrals WHERE org_id = $1 AND NOT deleted',
      [orgId],
    );
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  const versionsOf = (replica: DeviceReplica) =>
    new Map([...replica.rows].map(([id, r]) => [id, Number(/\d+/.exec(r.eTag)?.[0])]));

  it('snapshot: pinned, paged, open work first, resumable; then pull from its cursor catches up', async () => {
    const org = await createTestOrg(service.ctx, 'Snapshot Co');
    const token = await signIn(service.url, org.admin);
    const archived = Array.from({ length: 12 }, () => makeReferral({ status: 'Closed', substatus: 'Won' }));
    const open = Array.from({ length: 23 }, (_, i) =>
      makeReferral(i % 2 ? { status: 'Active', substatus: 'Accepted' } : {}),
    );
    await seedReferrals(service.ctx, org.id, [...archived, ...open]);
    const first = await snapshotPage(service.url, token, null, 0);
    expect(first.status).toBe(200);
    expect(first.body.pageCount).toBe(4);
    const id = first.body.snapshot;
    const pages = [first.body];
    // A change in the middle of the download: closes an open referral not yet downloaded.
    const target = open[open.length - 1] as Referral;
    await push(service.url, token, randomUUID(), [
      mutation(1, 'decline', { referralId: target.id, reasonCode: 8 }),
    ]);
    for (let page = 1; page < 4; page += 1)
      pages.push((await snapshotPage(service.url, token, id, page)).body);
    // Resume: asking for a page again gives the same rows.
    const again = await snapshotPage(service.url, token, id, 1);
    expect(again.body.changes.map((c) => c.id)).toEqual(pages[1]?.changes.map((c) => c.id));
    const all = pages.flatMap((p) => p.changes);
    const openIds = new Set(open.map((r) => r.id));
    const firstArchived = all.findIndex((c) => !openIds.has(c.id));
    expect(all.slice(0, firstArchived).every((c) => openIds.has(c.id))).toBe(true);
    expect(pages.at(-1)?.hasMore).toBe(false);
    const replica = new DeviceReplica(service.url, token);
    for (const p of pages) replica.apply(p.changes, false);
    replica.cursor = pages.at(-1)?.cursor ?? null;
    await replica.sync();
    expect(versionsOf(replica)).toEqual(await serverRows(org.id));
    expect(replica.rows.get(target.id)?.substatus).toBe('Declined');
    expect((await snapshotPage(service.url, token, id, 9)).status).toBe(404);
    expect((await snapshotPage(service.url, token, randomUUID(), 0)).status).toBe(404);
  });

  it('pull: an unknown or foreign cursor answers reset; pages split inside one version lose and repeat nothing', async () => {
    const org = await createTestOrg(service.ctx, 'Paging Co');
    const token = await signIn(service.url, org.admin);
    const reset = await pull(service.url, token, randomUUID(), 'garbage');
    expect(reset.body).toMatchObject({ reset: true });
    expect(typeof reset.body.snapshot).toBe('string');
    const replica = new DeviceReplica(service.url, token);
    await replica.sync();
    await seedReferrals(
      service.ctx,
      org.id,
      Array.from({ length: 25 }, () => makeReferral()),
    );
    await seedReferrals(
      service.ctx,
      org.id,
      Array.from({ length: 5 }, () => makeReferral()),
    );
    let pages = 0;
    for (;;) {
      const reply = await pull(service.url, token, replica.deviceId, replica.cursor, 10);
      replica.apply(reply.body.changes);
      replica.cursor = reply.body.cursor;
      pages += 1;
      if (!reply.body.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(replica.seen).toHaveLength(30);
    expect(new Set(replica.seen.map((c) => c.id)).size).toBe(30);
    expect(versionsOf(replica)).toEqual(await serverRows(org.id));
  });

  it('pull returns the device outcomes with atVersion and lastAckSeq', async () => {
    const org = await createTestOrg(service.ctx, 'Outcome Co');
    const token = await signIn(service.url, org.admin);
    const r = makeReferral({ status: 'Closed', substatus: 'Declined' });
    await seedReferrals(service.ctx, org.id, [r]);
    const replica = new DeviceReplica(service.url, token);
    await replica.sync();
    await push(service.url, token, replica.deviceId, [
      mutation(1, 'accept', acceptArgs(r.id)),
      mutation(2, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    const reply = await pull(service.url, token, replica.deviceId, replica.cursor);
    expect(reply.body.lastAckSeq).toBe(2);
    expect(reply.body.outcomes.map((o) => [o.seq, o.outcome, o.reason])).toEqual([
      [1, 'rejected', 'already_declined'],
      [2, 'applied', undefined],
    ]);
    const version = reply.body.changes.find((c) => c.id === r.id)?.version;
    expect(reply.body.outcomes.every((o) => o.atVersion === version)).toBe(true);
    const next = await pull(service.url, token, replica.deviceId, reply.body.cursor);
    expect(next.body.outcomes).toEqual([]);
    expect(next.body.changes).toEqual([]);
  });

  it('cursor completeness: concurrent writers and pullers; every puller sees every committed change exactly once', async () => {
    const org = await createTestOrg(service.ctx, 'Busy Co');
    const token = await signIn(service.url, org.admin);
    const referrals = Array.from({ length: 40 }, () => makeReferral());
    await seedReferrals(service.ctx, org.id, referrals);
    const pullers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const replica = new DeviceReplica(service.url, token);
        await replica.sync();
        return replica;
      }),
    );
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      const device = randomUUID();
      for (let seq = 1; seq <= 12; seq += 1) {
        const r = referrals[(w * 7 + seq * 3) % referrals.length] as Referral;
        const m =
          seq % 3 === 0
            ? mutation(seq, 'setFavorite', { referralId: r.id, favorite: seq % 2 === 0 })
            : mutation(seq, 'addNote', { referralId: r.id, noteId: randomUUID(), text: `w${w} s${seq}` });
        const reply = await push(service.url, token, device, [m]);
        expect(reply.status).toBe(200);
      }
    });
    const readers = pullers.map(async (replica) => {
      while (writing) await replica.sync(5);
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(readers);
    const truth = await serverRows(org.id);
    for (const replica of pullers) {
      await replica.sync(5);
      expect(versionsOf(replica)).toEqual(truth);
      const keys = replica.seen.map((c) => `${c.id}@${c.version}`);
      expect(new Set(keys).size).toBe(keys.length);
      const last = new Map<string, number>();
      for (const c of replica.seen) {
        expect(c.version).toBeGreaterThan(last.get(c.id) ?? 0);
        last.set(c.id, c.version);
      }
    }
  });

  it('member visibility: team and Received only; losing visibility arrives as a delete', async () => {
    const org = await createTestOrg(service.ctx, 'Visible Co');
    const admin = await signIn(service.url, org.admin);
    const memberToken = await signIn(service.url, org.member);
    const me = { firstName: 'Max', lastName: 'Member', email: org.member.email, phoneNumber: '' };
    const received = makeReferral();
    const onTeam = makeReferral({ status: 'Active', substatus: 'Accepted', team: [me] });
    const notOnTeam = makeReferral({ status: 'Active', substatus: 'Accepted' });
    await seedReferrals(service.ctx, org.id, [received, onTeam, notOnTeam]);
    const member = new DeviceReplica(service.url, memberToken);
    await member.sync();
    expect(new Set(member.rows.keys())).toEqual(new Set([received.id, onTeam.id]));
    // The admin accepts the Received one without the member: it leaves the member's view.
    await push(service.url, admin, randomUUID(), [
      mutation(1, 'accept', acceptArgs(received.id)),
      mutation(2, 'addTeamMember', { referralId: notOnTeam.id, member: me }),
    ]);
    await member.sync();
    expect(member.seen.find((c) => c.id === received.id)?.op).toBe('delete');
    expect(new Set(member.rows.keys())).toEqual(new Set([onTeam.id, notOnTeam.id]));
    // Removed from a team (an edit through another channel): a delete again.
    await writeReferrals(
      service.ctx,
      org.id,
      { channel: 'pc-api', actor: { userId: null, displayName: 'Admin' } },
      async (w) => {
        const stored = await w.load(onTeam.id, { forUpdate: true });
        if (!stored) throw new Error('missing');
        await w.save({ before: stored, after: { ...stored.referral, team: [] }, action: 'update' });
      },
    );
    await member.sync();
    expect(member.seen.filter((c) => c.id === onTeam.id).at(-1)?.op).toBe('delete');
    expect(new Set(member.rows.keys())).toEqual(new Set([notOnTeam.id]));
    // The admin sees everything and never gets those deletes.
    const adminReplica = new DeviceReplica(service.url, admin);
    await adminReplica.sync();
    expect(adminReplica.rows.size).toBe(3);
    // The organization turns off "members see Received": the member's cursor resets.
    const newOne = makeReferral();
    await seedReferrals(service.ctx, org.id, [newOne]);
    await setMembersSeeReceived(service.ctx.db, org.id, false);
    const after = await pull(service.url, memberToken, member.deviceId, member.cursor);
    expect(after.body.reset).toBe(true);
    await member.sync();
    expect(member.rows.has(newOne.id)).toBe(false);
  });
});
