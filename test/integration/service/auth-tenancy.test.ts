import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../../../src-server/auth/tokens';
import { startService, type RunningService } from '../../support/service';
import {
  acceptArgs,
  call,
  createTestOrg,
  DATABASES,
  DeviceReplica,
  makeReferral,
  mutation,
  push,
  seedReferrals,
  signIn,
  snapshotPage,
  stopPostgresAfterAll,
  type TestOrg,
} from './helpers';

// Identity (tokens, refresh rotation, expiry) and tenant isolation on every endpoint this part owns.

stopPostgresAfterAll();

describe.each(DATABASES)('auth and tenancy (%s)', (database) => {
  let service: RunningService;
  let contoso: TestOrg;
  let fabrikam: TestOrg;

  beforeAll(async () => {
    service = await startService({ corsOrigins: ['http://localhost:5173'] }, { database });
    contoso = await createTestOrg(service.ctx, 'Contoso');
    fabrikam = await createTestOrg(service.ctx, 'Fabrikam');
  });
  afterAll(() => service.close());

  it('healthz names the database', async () => {
    const reply = await call(service.url, 'GET', '/healthz');
    expect(reply.body).toMatchObject({ status: 'ok', database: database });
    expect(reply.headers.get('x-request-id')).toBeTruthy();
  });

  it('signs in, refreshes with rotation, and refuses wrong passwords, reused and unknown refresh tokens', async () => {
    const ok = await call<{
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
      user: { role: string };
    }>(service.url, 'POST', '/v1/auth/token', {
      body: { email: contoso.admin.email.toUpperCase(), password: contoso.admin.password },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ expiresIn: 900, user: { role: 'admin' } });
    for (const body of [
      { email: contoso.admin.email, password: 'wrong password' },
      { email: 'nobody@x.example', password: 'whatever1' },
    ]) {
      const bad = await call(service.url, 'POST', '/v1/auth/token', { body });
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ error: 'invalid_credentials' });
    }
    expect((await call(service.url, 'POST', '/v1/auth/token', { body: { email: 'x' } })).status).toBe(400);
    const refreshed = await call<{ refreshToken: string; accessToken: string }>(
      service.url,
      'POST',
      '/v1/auth/refresh',
      { body: { refreshToken: ok.body.refreshToken } },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(ok.body.refreshToken);
    // Reuse of a spent refresh token revokes its family: the rotated one stops working too.
    expect(
      (await call(service.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: ok.body.refreshToken } }))
        .status,
    ).toBe(401);
    expect(
      (
        await call(service.url, 'POST', '/v1/auth/refresh', {
          body: { refreshToken: refreshed.body.refreshToken },
        })
      ).status,
    ).toBe(401);
    expect(
      (await call(service.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: 'pdr_nonsense' } }))
        .status,
    ).toBe(401);
  });

  it('slows password guessing: past the per-minute limit for one email, sign-in answers 429', async () => {
    const guess = { email: 'target@contoso.example', password: 'guess' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= service.ctx.config.signInAttemptsPerMinute; attempt++) {
      statuses.push((await call(service.url, 'POST', '/v1/auth/token', { body: guess })).status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    const limited = await call<{ error: string; retryAfter: number }>(service.url, 'POST', '/v1/auth/token', {
      body: guess,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(limited.body.retryAfter).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // Another account from the same address is not locked out by it.
    const other = await call(service.url, 'POST', '/v1/auth/token', {
      body: { email: contoso.admin.email, password: contoso.admin.password },
    });
    expect(other.status).toBe(200);
  });

  it('an expired or forged access token is a 401', async () => {
    const token = await signIn(service.url, contoso.admin);
    const [prefix, body, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, org: fabrikam.id })).toString('base64url')}.${mac}`;
    expect(
      (
        await call(service.url, 'POST', '/v1/sync/pull', {
          token: forged,
          body: { deviceId: 'd', cursor: null },
        })
      ).status,
    ).toBe(401);
    const old = signAccessToken(service.ctx.meta.tokenSecret, {
      sub: String(claims['sub']),
      org: String(claims['org']),
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const expired = await call(service.url, 'POST', '/v1/sync/pull', {
      token: old,
      body: { deviceId: 'd', cursor: null },
    });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: 'token_expired' });
  });

  it('CORS answers only the configured origins', async () => {
    const allowed = await call(service.url, 'OPTIONS', '/v1/sync/pull', {
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await call(service.url, 'OPTIONS', '/v1/sync/pull', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("another organization's token, ids, device and snapshot reveal nothing and change nothing", async () => {
    const ours = makeReferral();
    await seedReferrals(service.ctx, contoso.id, [ours]);
    await seedReferrals(service.ctx, fabrikam.id, [makeReferral()]);
    const contosoToken = await signIn(service.url, contoso.admin);
    const fabrikamToken = await signIn(service.url, fabrikam.admin);
    const before = await service.ctx.db.query(
      'SELECT version, data FROM referrals WHERE org_id = $1 AND id = $2',
      [contoso.id, ours.id],
    );
    // push: Contoso's referral id from Fabrikam → not_found, nothing changed.
    const pushed = await push(service.url, fabrikamToken, randomUUID(), [
      mutation(1, 'accept', acceptArgs(ours.id)),
      mutation(2, 'setFavorite', { referralId: ours.id, favorite: true }),
      mutation(3, 'addNote', { referralId: ours.id, noteId: randomUUID(), text: 'x' }),
    ]);
    expect(pushed.body.results.map((r) => r.reason)).toEqual(['not_found', 'not_found', 'not_found']);
    expect(pushed.body.results.every((r) => r.referral === undefined)).toBe(true);
    expect(
      await service.ctx.db.query('SELECT version, data FROM referrals WHERE org_id = $1 AND id = $2', [
        contoso.id,
        ours.id,
      ]),
    ).toEqual(before);
    // pull + snapshot: only Fabrikam's rows.
    const replica = new DeviceReplica(service.url, fabrikamToken);
    await replica.sync();
    expect(replica.rows.has(ours.id)).toBe(false);
    const fabrikamIds = await service.ctx.db.query<{ id: string }>(
      'SELECT id FROM referrals WHERE org_id = $1',
      [fabrikam.id],
    );
    expect(new Set(replica.rows.keys())).toEqual(new Set(fabrikamIds.map((r) => r.id)));
    // Contoso's cursor and snapshot id used by Fabrikam: reset / 404.
    const contosoReplica = new DeviceReplica(service.url, contosoToken);
    await contosoReplica.sync();
    const foreignCursor = await call(service.url, 'POST', '/v1/sync/pull', {
      token: fabrikamToken,
      body: { deviceId: randomUUID(), cursor: contosoReplica.cursor },
    });
    expect(foreignCursor.body).toMatchObject({ reset: true });
    const contosoSnapshot = await snapshotPage(service.url, contosoToken, null, 0);
    expect((await snapshotPage(service.url, fabrikamToken, contosoSnapshot.body.snapshot, 0)).status).toBe(
      404,
    );
    // Contoso's device used with Fabrikam's token: 403 on push and pull.
    await push(service.url, contosoToken, contosoReplica.deviceId, [
      mutation(1, 'setFavorite', { referralId: ours.id, favorite: true }),
    ]);
    expect(
      (
        await push(service.url, fabrikamToken, contosoReplica.deviceId, [
          mutation(2, 'setFavorite', { referralId: ours.id, favorite: false }),
        ])
      ).status,
    ).toBe(403);
    expect(
      (
        await call(service.url, 'POST', '/v1/sync/pull', {
          token: fabrikamToken,
          body: { deviceId: contosoReplica.deviceId, cursor: null },
        })
      ).status,
    ).toBe(403);
    // Without a token: 401 everywhere.
    for (const [method, path] of [
      ['POST', '/v1/sync/push'],
      ['POST', '/v1/sync/pull'],
      ['GET', '/v1/sync/snapshot'],
      ['GET', '/v1/sync/events'],
    ] as const) {
      expect((await call(service.url, method, path, method === 'POST' ? { body: {} } : {})).status).toBe(401);
    }
  });
});
