import { afterEach, describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../../../src-renderer/db/meta';
import { AuthError, StorageFullError, TransientError } from '../../../src-renderer/sync/errors';
import type { FaultPoint } from '../../../src-renderer/sync/ports';
import type { Referral } from '../../../src-shared/index';
import { startClientTestService, type ClientTestService } from './support/service';
import { makeDevice, type Device } from './support/device';
import { intercept, json, networkError } from './support/intercept';

let service: ClientTestService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function expectConverged(svc: ClientTestService, device: Device) {
  const remote = await svc.referrals();
  const local = await device.db.referrals.toArray();
  expect(new Set(local.map((r) => r.id))).toEqual(new Set(remote.keys()));
  for (const row of local) expect(row.doc).toEqual(remote.get(row.id)?.data);
  expect(await device.db.outbox.count()).toBe(0);
}

const crashAt = (point: FaultPoint, times = 1) => {
  let left = times;
  return (p: FaultPoint) => {
    if (p === point && left-- > 0) throw new Error(`killed at ${p}`);
  };
};

async function firstReceived(device: Device): Promise<string> {
  const row = await device.db.referrals
    .where('[stage+deadline+id]')
    .between(['received'], ['received', []])
    .first();
  if (!row) throw new Error('no received referral');
  return row.id;
}

const acceptArgs = (referralId: string) => ({
  referralId,
  name: 'Deal',
  dealValue: 100,
  currency: 'EUR',
  closingDate: '2025-12-31',
});

describe('engine failure handling', () => {
  it('moves rejected mutations to sync issues with their arguments and the service copy', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(40);
    const device = await makeDevice(service, 'a');
    await device.engine().syncOnce();
    const id = await firstReceived(device);
    await device.actions.decline({ referralId: id, reasonCode: 3, notes: 'no budget' });
    await device.actions.accept(acceptArgs(id));
    await device.actions.markWon({ referralId: id });
    await device.engine().syncOnce();
    const issues = (await device.db.syncIssues.toArray()).sort((a, b) => a.seq - b.seq);
    expect(issues.map((i) => [i.seq, i.name, i.reason])).toEqual([
      [2, 'accept', 'already_declined'],
      [3, 'markWon', 'dependency_rejected'],
    ]);
    expect(issues[0]?.args).toMatchObject(acceptArgs(id));
    expect((issues[0]?.serviceCopy as Referral).substatus).toBe('Declined');
    await expectConverged(service, device);
  });

  it('resends from expectedSeq after a 409', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(10);
    const net = intercept();
    const device = await makeDevice(service, 'a', { fetch: net.fetch });
    await device.engine().syncOnce();
    const id = await firstReceived(device);
    await device.actions.setFavorite({ referralId: id, favorite: true });
    await device.actions.addNote({ referralId: id, text: 'second' });
    // Pretend seq 1 was answered: the engine starts at 2, the service answers 409 expectedSeq 1.
    await device.db.outbox.update(1, { outcome: 'applied' });
    net.log.length = 0;
    await device.engine().syncOnce();
    expect(net.log.filter((l) => l.path === '/v1/sync/push').map((l) => l.status)).toEqual([409, 200]);
    expect(
      (await service.pushResults((await getMeta(device.db.meta, 'deviceId'))!)).map((r) => r.seq),
    ).toEqual([1, 2]);
    await expectConverged(service, device);
  });

  it('refreshes on 401; when the refresh fails it asks to sign in again and keeps the outbox', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(10);
    const net = intercept();
    const device = await makeDevice(service, 'a', { fetch: net.fetch });
    await device.engine().syncOnce();
    device.tokens.dropAccessToken();
    const id = await firstReceived(device);
    await device.actions.setFavorite({ referralId: id, favorite: true });
    await device.engine().syncOnce();
    expect(net.log.some((l) => l.path === '/v1/auth/refresh' && l.status === 200)).toBe(true);

    await device.actions.addNote({ referralId: id, text: 'kept while signed out' });
    net.handler = async () => json(401, { error: 'unauthorized' });
    const engine = device.engine();
    await expect(engine.syncOnce()).rejects.toBeInstanceOf(AuthError);
    expect(engine.status.needsSignIn).toBe(true);
    expect(await device.db.outbox.count()).toBe(1);
    net.handler = null;
    await device.tokens.signIn();
    engine.signedIn();
    await engine.syncOnce();
    expect(engine.status.needsSignIn).toBe(false);
    await expectConverged(service, device);
  });

  it('reports 503 and network errors as transient with the retryAfter', async () => {
    service = await startClientTestService();
    const net = intercept();
    const device = await makeDevice(service, 'a', { fetch: net.fetch });
    net.handler = async () => json(503, { error: 'unavailable', retryAfter: 7 });
    const error = await device
      .engine()
      .syncOnce()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(7000);
    net.handler = () => networkError();
    const engine = device.engine();
    await expect(engine.syncOnce()).rejects.toBeInstanceOf(TransientError);
    expect(engine.status.online).toBe(false);
  });

  it('resumes the first sync at the next page after a crash, and redoes a page killed mid-transaction', async () => {
    service = await startClientTestService({ config: { snapshotPageSize: 100 } });
    await service.addDemoReferrals(450);
    const net = intercept();
    const device = await makeDevice(service, 'a', { fetch: net.fetch });
    const pages = () =>
      net.log
        .filter((l) => l.path.startsWith('/v1/sync/snapshot'))
        .map((l) => new URLSearchParams(l.path.split('?')[1]).get('page'));
    await expect(device.engine({ fault: crashAt('snapshot:between-pages', 2) }).syncOnce()).rejects.toThrow(
      'killed',
    );
    expect(await getMeta(device.db.meta, 'snapshot')).toMatchObject({ nextPage: 1 });
    // The next page is fetched while the current one is written: a crash abandons that prefetch.
    expect(pages()).toEqual(['0', '1']);
    await expect(device.engine({ fault: crashAt('snapshot:in-transaction') }).syncOnce()).rejects.toThrow(
      'killed',
    );
    expect(await device.db.referrals.count()).toBe(100);
    expect(pages().slice(2)).toEqual(['1', '2']);
    await device.engine().syncOnce();
    expect(pages().slice(4)).toEqual(['1', '2', '3', '4']);
    await expectConverged(service, device);
  });

  it('leaves nothing half-applied when killed inside a pull page', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(30);
    const device = await makeDevice(service, 'a');
    const other = await makeDevice(service, 'b');
    await device.engine().syncOnce();
    await other.engine().syncOnce();
    const id = await firstReceived(other);
    await other.actions.accept(acceptArgs(id));
    await other.engine().syncOnce();
    const cursor = await getMeta(device.db.meta, 'cursor');
    await expect(device.engine({ fault: crashAt('pull:in-transaction') }).syncOnce()).rejects.toThrow(
      'killed',
    );
    expect(await getMeta(device.db.meta, 'cursor')).toBe(cursor);
    expect((await device.db.referrals.get(id))?.doc.substatus).toBe('Received');
    await device.engine().syncOnce();
    await expectConverged(service, device);
  });

  it('re-downloads on reset, keeping the outbox, and drops rows the service no longer has', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(20);
    const device = await makeDevice(service, 'a');
    await device.engine().syncOnce();
    const id = await firstReceived(device);
    const ghost = { ...(await device.db.referrals.get(id))!, id: 'ghost' };
    await device.db.referrals.put({ ...ghost, doc: { ...ghost.doc, id: 'ghost' } });
    await device.actions.setFavorite({ referralId: id, favorite: true });
    await setMeta(device.db.meta, 'cursor', 'not-a-cursor');
    await device
      .engine({ fault: crashAt('push:before-send') })
      .syncOnce()
      .catch(() => undefined);
    expect(await device.db.outbox.count()).toBe(1);
    await device.engine().syncOnce();
    expect(await device.db.referrals.get('ghost')).toBeUndefined();
    expect((await device.db.referrals.get(id))?.doc.favorite).toBe(true);
    await expectConverged(service, device);
  });

  it('stops the snapshot on a full disk, keeps the outbox and reports it', async () => {
    service = await startClientTestService();
    await service.addDemoReferrals(20);
    const device = await makeDevice(service, 'a');
    await device.actions.addNote({ referralId: 'someone-else', text: 'typed before the first sync' });
    const full = (p: FaultPoint) => {
      if (p === 'snapshot:in-transaction') throw new DOMException('quota', 'QuotaExceededError');
    };
    await expect(device.engine({ fault: full }).syncOnce()).rejects.toBeInstanceOf(StorageFullError);
    expect(await device.db.referrals.count()).toBe(0);
    // The push went out before the snapshot: its rejection (not visible) is known, the row is kept.
    expect(await device.db.outbox.toArray()).toMatchObject([{ seq: 1, outcome: 'rejected' }]);
    await device.engine().syncOnce();
    expect(await device.db.syncIssues.count()).toBe(1);
    await expectConverged(service, device);
  });

  it('announces referrals that arrive after the first sync, not those of the first sync', async () => {
    service = await startClientTestService();
    const docs = await service.addDemoReferrals(15);
    const announced: string[] = [];
    const device = await makeDevice(service, 'a');
    const notify = { newReferrals: (refs: Referral[]) => announced.push(...refs.map((r) => r.id)) };
    await device.engine({ notify }).syncOnce();
    expect(announced).toEqual([]);
    const more = await service.addDemoReferrals(3, 99);
    await device.engine({ notify }).syncOnce();
    expect(announced.sort()).toEqual(more.map((r) => r.id).sort());
    expect(docs.length).toBe(15);
  });
});
