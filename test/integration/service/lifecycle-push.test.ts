import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../../src-shared/index';
import { sweepExpired } from '../../../src-server/sweeper/expiry-sweeper';
import { startService, type RunningService } from '../../support/service';
import {
  acceptArgs,
  createTestOrg,
  DATABASES,
  makeReferral,
  mutation,
  push,
  seedReferrals,
  signIn,
  stopPostgresAfterAll,
  type Mutation,
  type TestOrg,
} from './helpers';

// Every row of the lifecycle table (sync-protocol.md section 4), through POST /v1/sync/push,
// plus the expiry sweeper and late arrivals.

stopPostgresAfterAll();
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe.each(DATABASES)('lifecycle through push (%s)', (database) => {
  let service: RunningService;
  let org: TestOrg;
  let admin: string;
  let member: string;

  beforeAll(async () => {
    service = await startService({}, { database });
    org = await createTestOrg(service.ctx, 'Lifecycle Co');
    admin = await signIn(service.url, org.admin);
    member = await signIn(service.url, org.member);
  });
  afterAll(() => service.close());

  /** Seeds `r`, then pushes one mutation from a fresh device and returns its result. */
  async function one(r: Referral | null, make: (id: string) => Mutation, token = admin) {
    if (r) await seedReferrals(service.ctx, org.id, [r]);
    const reply = await push(service.url, token, randomUUID(), [make(r?.id ?? randomUUID())]);
    expect(reply.status).toBe(200);
    const result = reply.body.results[0];
    if (!result) throw new Error('no result');
    return result;
  }

  const accepted = () =>
    makeReferral({
      status: 'Active',
      substatus: 'Accepted',
      name: 'Deal',
      details: { dealValue: 1000, currency: 'USD' },
    });
  const closed = (substatus: string) => makeReferral({ status: 'Closed', substatus });
  const accept = (id: string, createdAt?: string) => mutation(1, 'accept', acceptArgs(id), createdAt);

  it('accept: Received before the deadline → applied, Accepted', async () => {
    const result = await one(makeReferral(), (id) => accept(id));
    expect(result).toMatchObject({
      outcome: 'applied',
      referral: { status: 'Active', substatus: 'Accepted', name: 'Deal' },
    });
    expect(result.referral?.details.dealValue).toBe(25000);
  });

  it('accept: Accepted, Won, Lost → noop', async () => {
    for (const r of [accepted(), closed('Won'), closed('Lost')]) {
      expect((await one(r, (id) => accept(id))).outcome).toBe('noop');
    }
  });

  it('accept: Declined → rejected already_declined', async () => {
    expect(await one(closed('Declined'), (id) => accept(id))).toMatchObject({
      outcome: 'rejected',
      reason: 'already_declined',
    });
  });

  it('accept: Expired, acted before the deadline → applied and audited as a late arrival', async () => {
    const r = makeReferral({ status: 'Closed', substatus: 'Expired', createdDateTime: ago(20 * DAY) });
    const result = await one(r, (id) => accept(id, ago(7 * DAY)));
    expect(result).toMatchObject({ outcome: 'applied', referral: { substatus: 'Accepted' } });
    const audit = await service.ctx.db.query<{
      late_arrival: boolean;
      action: string;
      from_substatus: string;
      device_id: string;
    }>(
      `SELECT late_arrival, action, from_substatus, device_id FROM audit_log WHERE referral_id = $1 AND action = 'accept'`,
      [r.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ late_arrival: true, from_substatus: 'Expired' });
    expect(audit[0]?.device_id).toBeTruthy();
  });

  it('accept: Expired, acted after the deadline → rejected expired', async () => {
    const r = makeReferral({ status: 'Closed', substatus: 'Expired', createdDateTime: ago(20 * DAY) });
    expect(await one(r, (id) => accept(id, ago(DAY)))).toMatchObject({
      outcome: 'rejected',
      reason: 'expired',
    });
  });

  it('decline: Received → applied Declined; Declined and Expired → noop; Accepted/Won/Lost → already_accepted', async () => {
    const decline = (id: string) =>
      mutation(1, 'decline', { referralId: id, reasonCode: 2, notes: 'no answer' });
    expect(await one(makeReferral(), decline)).toMatchObject({
      outcome: 'applied',
      referral: { status: 'Closed', substatus: 'Declined', reasonCode: 2 },
    });
    for (const s of ['Declined', 'Expired']) expect((await one(closed(s), decline)).outcome).toBe('noop');
    for (const r of [accepted(), closed('Won'), closed('Lost')]) {
      expect(await one(r, decline)).toMatchObject({ outcome: 'rejected', reason: 'already_accepted' });
    }
  });

  it('markWon / markLost: Accepted → applied; same terminal → noop; the other terminal → already_closed', async () => {
    const won = (id: string) => mutation(1, 'markWon', { referralId: id });
    const lost = (id: string) => mutation(1, 'markLost', { referralId: id, reasonCode: 3 });
    expect(await one(accepted(), won)).toMatchObject({ outcome: 'applied', referral: { substatus: 'Won' } });
    expect(await one(accepted(), lost)).toMatchObject({
      outcome: 'applied',
      referral: { substatus: 'Lost' },
    });
    expect((await one(closed('Won'), won)).outcome).toBe('noop');
    expect((await one(closed('Lost'), lost)).outcome).toBe('noop');
    expect(await one(closed('Lost'), won)).toMatchObject({ outcome: 'rejected', reason: 'already_closed' });
    expect(await one(closed('Won'), lost)).toMatchObject({ outcome: 'rejected', reason: 'already_closed' });
  });

  it('any intent on a referral that does not exist or is not visible → rejected not_found', async () => {
    expect(await one(null, (id) => accept(id))).toMatchObject({ outcome: 'rejected', reason: 'not_found' });
    // Accepted without the member on its team: invisible to the member.
    const hidden = accepted();
    const result = await one(
      hidden,
      (id) => mutation(1, 'addNote', { referralId: id, noteId: randomUUID(), text: 'hi' }),
      member,
    );
    expect(result).toMatchObject({ outcome: 'rejected', reason: 'not_found' });
    expect(result.referral).toBeUndefined();
  });

  it('markWon after a rejected accept from the same device → dependency_rejected', async () => {
    const r = closed('Declined');
    await seedReferrals(service.ctx, org.id, [r]);
    const reply = await push(service.url, admin, randomUUID(), [
      mutation(1, 'accept', acceptArgs(r.id)),
      mutation(2, 'markWon', { referralId: r.id }),
    ]);
    expect(reply.body.results.map((x) => [x.outcome, x.reason])).toEqual([
      ['rejected', 'already_declined'],
      ['rejected', 'dependency_rejected'],
    ]);
  });

  it('setFavorite: applied on any visible referral, terminal included; the later arrival wins', async () => {
    const r = closed('Won');
    await seedReferrals(service.ctx, org.id, [r]);
    const a = await push(service.url, admin, randomUUID(), [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    const b = await push(service.url, admin, randomUUID(), [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: false }, ago(DAY)),
    ]);
    expect(a.body.results[0]?.outcome).toBe('applied');
    expect(b.body.results[0]).toMatchObject({ outcome: 'applied', referral: { favorite: false } });
  });

  it('editDeal: applied when unchanged since baseVersion, noop when equal, conflict when changed by someone else', async () => {
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    const first = await push(service.url, admin, randomUUID(), [mutation(1, 'accept', acceptArgs(r.id))]);
    const base = Number(/\d+/.exec(first.body.results[0]?.referral?.eTag ?? '')?.[0]);
    const edit = (fields: Record<string, unknown>, baseVersion: number) =>
      mutation(1, 'editDeal', { referralId: r.id, fields, baseVersion });
    const applied = await push(service.url, admin, randomUUID(), [edit({ dealValue: 30000 }, base)]);
    expect(applied.body.results[0]).toMatchObject({
      outcome: 'applied',
      referral: { details: { dealValue: 30000 } },
    });
    const equal = await push(service.url, admin, randomUUID(), [edit({ dealValue: 30000 }, base)]);
    expect(equal.body.results[0]?.outcome).toBe('noop');
    // Someone else changed dealValue after `base`: the service value stays, the conflict is reported.
    const stale = await push(service.url, admin, randomUUID(), [
      edit({ dealValue: 99, name: 'Renamed' }, base),
    ]);
    expect(stale.body.results[0]).toMatchObject({
      outcome: 'applied',
      referral: { name: 'Renamed', details: { dealValue: 30000 } },
    });
    expect(stale.body.results[0]?.conflicts).toEqual([{ field: 'dealValue', yours: 99, theirs: 30000 }]);
  });

  it('addNote: applied on any visible referral, terminal included; the same note id twice → noop', async () => {
    const r = closed('Lost');
    await seedReferrals(service.ctx, org.id, [r]);
    const noteId = randomUUID();
    const reply = await push(service.url, admin, randomUUID(), [
      mutation(1, 'addNote', { referralId: r.id, noteId, text: 'Post-mortem call booked' }),
      mutation(2, 'addNote', { referralId: r.id, noteId, text: 'Post-mortem call booked' }),
    ]);
    expect(reply.body.results.map((x) => x.outcome)).toEqual(['applied', 'noop']);
    expect(reply.body.results[1]?.referral?.notes).toHaveLength(1);
  });

  it('a member who accepts joins the team and keeps seeing the referral', async () => {
    const result = await one(makeReferral(), (id) => accept(id), member);
    expect(result.outcome).toBe('applied');
    expect(result.referral?.team.map((m) => m.email)).toContain(org.member.email);
  });

  describe('expiry sweeper', () => {
    it('closes Received referrals past the deadline exactly once, audited and emitted; leaves the rest', async () => {
      const overdue = [
        makeReferral({ createdDateTime: ago(15 * DAY) }),
        makeReferral({ createdDateTime: ago(2 * DAY), expirationDateTime: ago(60_000) }),
      ];
      const fresh = makeReferral({ createdDateTime: ago(13 * DAY) });
      const acceptedOld = makeReferral({
        createdDateTime: ago(30 * DAY),
        status: 'Active',
        substatus: 'Accepted',
      });
      await seedReferrals(service.ctx, org.id, [...overdue, fresh, acceptedOld]);
      const events: string[] = [];
      const off = service.ctx.events.on((batch) =>
        events.push(...batch.filter((e) => e.action === 'expire').map((e) => e.referralId)),
      );
      const closedNow = await sweepExpired(service.ctx);
      expect(closedNow).toBeGreaterThanOrEqual(2);
      expect(await sweepExpired(service.ctx)).toBe(0);
      off();
      expect(events).toEqual(expect.arrayContaining(overdue.map((r) => r.id)));
      const rows = await service.ctx.db.query<{ id: string; substatus: string }>(
        'SELECT id, substatus FROM referrals WHERE org_id = $1 AND id = ANY($2::text[]) ORDER BY id',
        [org.id, [...overdue, fresh, acceptedOld].map((r) => r.id)],
      );
      const byId = new Map(rows.map((r) => [r.id, r.substatus]));
      for (const r of overdue) expect(byId.get(r.id)).toBe('Expired');
      expect(byId.get(fresh.id)).toBe('Received');
      expect(byId.get(acceptedOld.id)).toBe('Accepted');
      const audit = await service.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'expire' AND referral_id = ANY($1::text[])`,
        [overdue.map((r) => r.id)],
      );
      expect(audit[0]?.n).toBe(2);
      const outbox = await service.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM referral_events WHERE action = 'expire' AND kind = 'updated' AND referral_id = ANY($1::text[])`,
        [overdue.map((r) => r.id)],
      );
      expect(outbox[0]?.n).toBe(2);
    });

    it('late arrival: an accept made before the deadline but received after it is applied (before and after the sweep)', async () => {
      const notSwept = makeReferral({ createdDateTime: ago(15 * DAY) });
      const r1 = await one(notSwept, (id) => accept(id, ago(1.5 * DAY)));
      expect(r1).toMatchObject({ outcome: 'applied', referral: { substatus: 'Accepted' } });
      const swept = makeReferral({ createdDateTime: ago(15 * DAY) });
      await seedReferrals(service.ctx, org.id, [swept]);
      await sweepExpired(service.ctx);
      const r2 = await one(null, () => accept(swept.id, ago(1.5 * DAY)));
      expect(r2).toMatchObject({ outcome: 'applied', referral: { substatus: 'Accepted' } });
      const late = await service.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE late_arrival AND referral_id = ANY($1::text[])`,
        [[notSwept.id, swept.id]],
      );
      expect(late[0]?.n).toBe(2);
    });

    it('a device clock that runs ahead is corrected by its measured offset', async () => {
      // The device clock is 3 days fast: its createdAt of "1 day ago" is really 4 days ago, before the deadline.
      const r = makeReferral({ createdDateTime: ago(16.5 * DAY) });
      await seedReferrals(service.ctx, org.id, [r]);
      const skew = 3 * DAY;
      const deviceNow = new Date(Date.now() + skew).toISOString();
      const reply = await push(
        service.url,
        admin,
        randomUUID(),
        [mutation(1, 'accept', acceptArgs(r.id), new Date(Date.now() + skew - 3.5 * DAY).toISOString())],
        deviceNow,
      );
      expect(reply.body.results[0]?.outcome).toBe('applied');
    });
  });
});
