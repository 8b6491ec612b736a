import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../../src-renderer/db/meta';
import { countsQuery } from '../../../src-renderer/db/queries';
import { startClientTestService, type ClientTestService } from './support/service';
import { makeDevice } from './support/device';

// The engine against the real service on loopback (PGlite in memory).

let service: ClientTestService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function expectSameAsService(svc: ClientTestService, db: Awaited<ReturnType<typeof makeDevice>>['db']) {
  const remote = await svc.referrals();
  const local = await db.referrals.toArray();
  expect(local.length).toBe(remote.size);
  for (const row of local) {
    expect(row.doc).toEqual(remote.get(row.id)?.data);
    expect(row.version).toBe(remote.get(row.id)?.version);
  }
}

describe('sync engine against the service', () => {
  it('first sync through the snapshot in pages, then changes through pull', async () => {
    service = await startClientTestService({ config: { snapshotPageSize: 300 } });
    await service.addDemoReferrals(1000);
    const device = await makeDevice(service, 'a');
    const engine = device.engine();
    await engine.syncOnce();
    await expectSameAsService(service, device.db);
    expect(await getMeta(device.db.meta, 'firstSyncDone')).toBe(true);
    expect(engine.status.firstSync).toMatchObject({ done: true, received: 1000, total: 1000 });
    const counts = await countsQuery(device.db);
    expect(Object.values(counts.byStage).reduce((a, b) => a + b, 0)).toBe(1000);

    // Another device accepts one; this device pulls it.
    const other = await makeDevice(service, 'b');
    const received = (await device.db.referrals
      .where('[stage+deadline+id]')
      .between(['received'], ['received', []])
      .first())!;
    await other.engine().syncOnce();
    await other.actions.accept({
      referralId: received.id,
      name: 'Deal',
      dealValue: 5,
      currency: 'EUR',
      closingDate: '2025-12-01',
    });
    await other.engine().syncOnce();
    expect(await other.db.outbox.count()).toBe(0);
    await engine.syncOnce();
    expect((await device.db.referrals.get(received.id))?.doc.substatus).toBe('Accepted');
    await expectSameAsService(service, device.db);
  });
});
