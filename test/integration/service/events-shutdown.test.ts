import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpired } from '../../../src-server/sweeper/expiry-sweeper';
import { freshConfig, startService, type RunningService } from '../../support/service';
import {
  acceptArgs,
  createTestOrg,
  DATABASES,
  DeviceReplica,
  makeReferral,
  mutation,
  openEvents,
  push,
  seedReferrals,
  signIn,
  stopPostgresAfterAll,
  type TestOrg,
} from './helpers';

// The live poke (SSE), heartbeats, graceful shutdown with requests in flight, and a restart on
// the same data that loses nothing.

stopPostgresAfterAll();

describe.each(DATABASES)('events stream (%s)', (database) => {
  let service: RunningService;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    service = await startService({ heartbeatMs: 100 }, { database });
    org = await createTestOrg(service.ctx, 'Events Co');
    other = await createTestOrg(service.ctx, 'Other Co');
  });
  afterAll(() => service.close());

  it('pokes the organization on push and on a sweep, never another organization; heartbeats keep it alive', async () => {
    const token = await signIn(service.url, org.admin);
    const stream = await openEvents(service.url, token);
    const viaQuery = await openEvents(service.url, await signIn(service.url, org.member), 'query');
    const foreign = await openEvents(service.url, await signIn(service.url, other.admin));
    expect(stream.status).toBe(200);
    expect(viaQuery.status).toBe(200);
    await stream.waitFor('heartbeat');
    const r = makeReferral();
    await seedReferrals(service.ctx, org.id, [r]);
    let from = stream.events.length;
    await push(service.url, token, randomUUID(), [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    await stream.waitFor('poke', from);
    await viaQuery.waitFor('poke', 0);
    from = stream.events.length;
    await seedReferrals(service.ctx, org.id, [
      makeReferral({ createdDateTime: new Date(Date.now() - 20 * 86_400_000).toISOString() }),
    ]);
    await sweepExpired(service.ctx);
    await stream.waitFor('poke', from);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(foreign.events).not.toContain('poke');
    await Promise.all([stream.close(), viaQuery.close(), foreign.close()]);
  });
});

describe.each(DATABASES)('graceful shutdown and restart (%s)', (database) => {
  it('in-flight pushes finish, streams end, the database closes; a restart on the same data loses nothing', async () => {
    const config = await freshConfig(database);
    const first = await startService(config, { database });
    const org = await createTestOrg(first.ctx, 'Restart Co');
    const token = await signIn(first.url, org.admin);
    const referrals = Array.from({ length: 12 }, () => makeReferral());
    await seedReferrals(first.ctx, org.id, referrals);
    const stream = await openEvents(first.url, token);
    const devices = referrals.map(() => randomUUID());
    // A slow database, so that requests are surely in flight when the shutdown starts.
    let entered = 0;
    first.ctx.db.faultInjector = async (sql) => {
      if (!sql.includes('INSERT INTO push_results')) return;
      entered += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    };
    const pushes = referrals.map((r, i) =>
      push(first.url, token, devices[i] as string, [
        mutation(1, 'accept', acceptArgs(r.id)),
        mutation(2, 'addNote', { referralId: r.id, noteId: randomUUID(), text: 'n' }),
      ]).then(
        (reply) => reply.status,
        () => 0,
      ),
    );
    while (entered < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.close();
    const statuses = await Promise.all(pushes);
    await stream.done;
    expect(stream.ended).toBe(true);
    // Accepted requests completed; later ones were refused (503) or not connected (0): never a 500.
    expect(statuses.every((s) => s === 200 || s === 503 || s === 0)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);

    const second = await startService(config, { database });
    try {
      const again = await signIn(second.url, org.admin);
      const replica = new DeviceReplica(second.url, again);
      await replica.sync();
      expect(replica.rows.size).toBe(12);
      statuses.forEach((status, i) => {
        const r = referrals[i];
        if (status === 200 && r) expect(replica.rows.get(r.id)?.substatus).toBe('Accepted');
      });
      // Replays after the restart give the stored outcome, and unacknowledged pushes can be resent.
      for (const [i, status] of statuses.entries()) {
        const r = referrals[i];
        if (!r) continue;
        const reply = await push(second.url, again, devices[i] as string, [
          mutation(1, 'accept', acceptArgs(r.id)),
          mutation(2, 'addNote', { referralId: r.id, noteId: randomUUID(), text: 'n' }),
        ]);
        expect(reply.status).toBe(200);
        expect(reply.body.lastAckSeq).toBe(2);
        if (status === 200) expect(reply.body.results.map((x) => x.outcome)).toEqual(['applied', 'applied']);
      }
    } finally {
      await second.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});
