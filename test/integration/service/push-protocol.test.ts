import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransientDatabaseError } from '../../../src-server/db/errors';
import { startService, type RunningService } from '../../support/service';
import {
  acceptArgs,
  call,
  createTestOrg,
  DATABASES,
  makeReferral,
  mutation,
  push,
  pushBody,
  seedReferrals,
  signIn,
  stopPostgresAfterAll,
  type TestOrg,
} from './helpers';

// The push protocol: replays, sequence gaps, transient failures, limits and validation.

stopPostgresAfterAll();

describe.each(DATABASES)('push protocol (%s)', (database) => {
  let service: RunningService;
  let org: TestOrg;
  let admin: string;

  beforeAll(async () => {
    service = await startService({}, { database });
    org = await createTestOrg(service.ctx, 'Push Co');
    admin = await signIn(service.url, org.admin);
  });
  afterAll(() => service.close());

  const state = async (id: string) => {
    const rows = await service.ctx.db.query<{ version: number; substatus: string; notes: number }>(
      `SELECT version, substatus, jsonb_array_length(data->'notes') AS notes FROM referrals WHERE org_id = $1 AND id = $2`,
      [org.id, id],
    );
    return rows[0];
  };
  const deviceSeq = async (deviceId: string) =>
    (
      await service.ctx.db.query<{ last_seq: number }>('SELECT last_seq FROM devices WHERE id = $1', [
        deviceId,
      ])
    )[0]?.last_seq ?? 0;

  function batch(id: string) {
    return [
      mutation(1, 'accept', acceptArgs(id)),
      mutation(2, 'addNote', { referralId: id, noteId: randomUUID(), text: 'kick-off' }),
      mutation(3, 'setFavorite', { referralId: id, favorite: true }),
    ];
  }

  for (const times of [1, 2, 3, 4, 5]) {
    it(`the same push sent ${times} time(s) sequentially: one effect, identical outcomes`, async () => {
      const r = makeReferral();
      await seedReferrals(service.ctx, org.id, [r]);
      const body = pushBody(randomUUID(), batch(r.id));
      const replies = [];
      for (let i = 0; i < times; i += 1)
        replies.push(await call(service.url, 'POST', '/v1/sync/push', { token: admin, body }));
      const outcomes = replies.map((x) =>
        JSON.stringify(
          (x.body['results'] as { seq: number; outcome: string }[]).map((o) => [o.seq, o.outcome]),
        ),
      );
      expect(new Set(outcomes).size).toBe(1);
      expect(outcomes[0]).toBe(
        JSON.stringify([
          [1, 'applied'],
          [2, 'applied'],
          [3, 'applied'],
        ]),
      );
      expect(await state(r.id)).toMatchObject({ substatus: 'Accepted', notes: 1 });
      const audits = await service.ctx.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_log WHERE referral_id = $1 AND channel = $2',
        [r.id, 'push'],
      );
      expect(audits[0]?.n).toBe(3);
    });
  }

  it('the same push sent 5 times concurrently: one effect, identical outcomes', async () => {
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    const body = pushBody(randomUUID(), batch(r.id));
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => call(service.url, 'POST', '/v1/sync/push', { token: admin, body })),
    );
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect((reply.body['results'] as { outcome: string }[]).map((o) => o.outcome)).toEqual([
        'applied',
        'applied',
        'applied',
      ]);
      expect(reply.body['lastAckSeq']).toBe(3);
    }
    expect(await state(r.id)).toMatchObject({ substatus: 'Accepted', notes: 1 });
  });

  it('a gap answers 409 seq_gap with expectedSeq, and changes nothing', async () => {
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    const device = randomUUID();
    await push(service.url, admin, device, [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    const gap = await push(service.url, admin, device, [mutation(3, 'accept', acceptArgs(r.id))]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: 'seq_gap', expectedSeq: 2 });
    expect(await deviceSeq(device)).toBe(1);
    expect((await state(r.id))?.substatus).toBe('Received');
    // A batch that overlaps what was acknowledged is fine: replays plus the new ones.
    const overlap = await push(service.url, admin, device, [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: true }),
      mutation(2, 'accept', acceptArgs(r.id)),
    ]);
    expect(overlap.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied']);
    expect(overlap.body.lastAckSeq).toBe(2);
  });

  it('bad arguments reject that mutation (invalid_args, field details) and still advance the seq', async () => {
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    const device = randomUUID();
    const reply = await push(service.url, admin, device, [
      mutation(1, 'accept', { referralId: r.id, dealValue: -1 }),
      mutation(2, 'teleport', {}),
      mutation(3, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((x) => [x.outcome, x.reason])).toEqual([
      ['rejected', 'invalid_args'],
      ['rejected', 'invalid_args'],
      ['applied', undefined],
    ]);
    expect((reply.body.results[0] as { details?: unknown[] }).details?.length).toBeGreaterThan(0);
    expect(await deviceSeq(device)).toBe(3);
  });

  it('a database failure mid-push answers 503 with retryAfter and advances nothing; the retry then applies once', async () => {
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    const device = randomUUID();
    const before = await state(r.id);
    const orgVersion = async () =>
      (
        await service.ctx.db.query<{ version: number }>('SELECT version FROM organizations WHERE id = $1', [
          org.id,
        ])
      )[0]?.version;
    const versionBefore = await orgVersion();
    // Fail after the referral rows were written, when the outcomes are stored.
    service.ctx.db.faultInjector = (sql) => {
      if (sql.includes('INSERT INTO push_results'))
        throw new TransientDatabaseError('injected: connection lost');
    };
    const mutations = batch(r.id);
    const failed = await push(service.url, admin, device, mutations);
    service.ctx.db.faultInjector = null;
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ error: 'unavailable' });
    expect((failed.body as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
    expect(await state(r.id)).toEqual(before);
    expect(await orgVersion()).toBe(versionBefore);
    expect(await deviceSeq(device)).toBe(0);
    const audit = await service.ctx.db.query(
      'SELECT 1 FROM audit_log WHERE referral_id = $1 AND channel = $2',
      [r.id, 'push'],
    );
    expect(audit).toHaveLength(0);
    const retried = await push(service.url, admin, device, mutations);
    expect(retried.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect(await state(r.id)).toMatchObject({ substatus: 'Accepted', notes: 1 });
  });

  it('refuses a device registered to another user (403) and changes nothing', async () => {
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    const device = randomUUID();
    await push(service.url, admin, device, [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    const member = await signIn(service.url, org.member);
    const reply = await push(service.url, member, device, [
      mutation(2, 'addNote', { referralId: r.id, noteId: randomUUID(), text: 'x' }),
    ]);
    expect(reply.status).toBe(403);
    expect(await deviceSeq(device)).toBe(1);
    const pulled = await call(service.url, 'POST', '/v1/sync/pull', {
      token: member,
      body: { deviceId: device, cursor: null },
    });
    expect(pulled.status).toBe(403);
  });

  it('validates the envelope: 400 with details, 413 above 500 mutations, 426 for an unknown schema version, 401 without a token', async () => {
    const bad = await call(service.url, 'POST', '/v1/sync/push', {
      token: admin,
      body: { deviceId: 'd', schemaVersion: 1, clientTime: 'yesterday', mutations: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_request', details: [{ field: 'clientTime' }] });
    const notJson = await call(service.url, 'POST', '/v1/sync/push', {
      token: admin,
      body: '{"deviceId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: 'invalid_json' });
    const many = Array.from({ length: 501 }, (_, i) =>
      mutation(i + 1, 'setFavorite', { referralId: 'x', favorite: true }),
    );
    expect((await push(service.url, admin, randomUUID(), many)).status).toBe(413);
    const old = await call(service.url, 'POST', '/v1/sync/push', {
      token: admin,
      body: { ...pushBody(randomUUID(), []), schemaVersion: 99 },
    });
    expect(old.status).toBe(426);
    const unordered = await push(service.url, admin, randomUUID(), [
      mutation(2, 'setFavorite', {}),
      mutation(1, 'setFavorite', {}),
    ]);
    expect(unordered.status).toBe(400);
    const badMutation = await call(service.url, 'POST', '/v1/sync/push', {
      token: admin,
      body: pushBody(randomUUID(), [{ seq: 0, id: 'not-a-uuid', name: 'accept', args: {}, createdAt: 'x' }]),
    });
    expect(badMutation.status).toBe(400);
    expect((badMutation.body['details'] as { field: string }[]).map((d) => d.field)).toContain(
      'mutations.0.seq',
    );
    expect((await call(service.url, 'POST', '/v1/sync/push', { body: pushBody('d', []) })).status).toBe(401);
  });

  it('a push of 500 mutations applies in one transaction at one version', async () => {
    const referrals = Array.from({ length: 100 }, () => makeReferral());
    await seedReferrals(service.ctx, org.id, referrals);
    const mutations = Array.from({ length: 500 }, (_, i) => {
      const r = referrals[i % 100];
      return mutation(i + 1, 'addNote', { referralId: r?.id, noteId: randomUUID(), text: `note ${i}` });
    });
    const reply = await push(service.url, admin, randomUUID(), mutations);
    expect(reply.status).toBe(200);
    expect(reply.body.lastAckSeq).toBe(500);
    expect(reply.body.results.every((x) => x.outcome === 'applied')).toBe(true);
    const versions = new Set(reply.body.results.map((x) => x.referral?.eTag));
    expect(versions.size).toBe(1);
  });
});
