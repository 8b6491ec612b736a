import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../../src-renderer/db/meta';
import { createMemoryLocks, type FaultPoint } from '../../../src-renderer/sync/ports';
import { listenForPokes } from '../../../src-renderer/sync/events';
import { startClientTestService, type ClientTestService } from './support/service';
import { makeDevice } from './support/device';
import { intercept } from './support/intercept';

let service: ClientTestService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('one leader per device', () => {
  it('two windows: the leader dies mid-push, the other takes over; nothing pushed twice or lost', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(20);
    const net = intercept();
    const device = await makeDevice(service, 'a', { fetch: net.fetch });
    await device.engine().syncOnce();
    const ids = (await device.db.referrals.toCollection().primaryKeys()).slice(0, 5);
    for (const id of ids) await device.actions.addNote({ referralId: id, text: `note for ${id}` });

    const locks = createMemoryLocks();
    const first = device.engine({
      fault: (p: FaultPoint) => {
        if (p === 'push:after-response') throw new Error('window closed mid-push');
      },
    });
    const second = device.engine({ pollIntervalMs: 60_000 });
    const stopSecond = new AbortController();
    const firstRun = first.runAsLeader(locks, new AbortController().signal);
    const secondRun = second.runAsLeader(locks, stopSecond.signal);
    await expect(firstRun).rejects.toThrow('window closed mid-push');
    // The lock passed to the second window, which pushes the same rows: the service replays them.
    await until(async () => (await device.db.outbox.count()) === 0);
    expect(second.status.leader).toBe(true);
    stopSecond.abort();
    await secondRun;

    const deviceId = (await getMeta(device.db.meta, 'deviceId'))!;
    expect((await service.pushResults(deviceId)).map((r) => [r.seq, r.outcome])).toEqual(
      ids.map((_, i) => [i + 1, 'applied']),
    );
    const remote = await service.referrals();
    for (const id of ids) expect(remote.get(id)?.data.notes.map((n) => n.text)).toEqual([`note for ${id}`]);
    expect(net.log.filter((l) => l.path === '/v1/sync/push').length).toBe(2);
  });

  it('runs live: a poke from the events stream brings another device’s change within moments', async () => {
    service = await startClientTestService({ config: { heartbeatMs: 1000 } });
    await service.addDemoReferrals(10);
    const device = await makeDevice(service, 'a');
    const other = await makeDevice(service, 'b');
    await other.engine().syncOnce();
    const engine = device.engine({ pollIntervalMs: 600_000 });
    const stop = new AbortController();
    const running = engine.run(stop.signal);
    const listening = listenForPokes(device.http, () => engine.requestSync(), stop.signal);
    await until(async () => (await getMeta(device.db.meta, 'firstSyncDone')) === true);
    const id = (await other.db.referrals.toCollection().primaryKeys())[0]!;
    await other.actions.setFavorite({
      referralId: id,
      favorite: !(await other.db.referrals.get(id))!.doc.favorite,
    });
    await other.engine().syncOnce();
    await until(
      async () =>
        (await device.db.referrals.get(id))?.doc.favorite ===
        (await other.db.referrals.get(id))?.doc.favorite,
    );
    // A local action is pushed without waiting for the 60 s poll: the engine watches the outbox.
    await device.actions.addNote({ referralId: id, text: 'live' });
    await until(async () => (await device.db.outbox.count()) === 0);
    stop.abort();
    await Promise.all([running, listening]);
    expect(engine.status.phase).toBe('stopped');
  });
});
