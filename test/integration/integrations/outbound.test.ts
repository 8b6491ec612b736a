import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntakeKey } from '../../../src-server/auth/identity-repo';
import { startService, type RunningService } from '../../support/service';
import {
  call,
  createTestOrg,
  DATABASES,
  makeReferral,
  seedReferrals,
  signIn,
  stopPostgresAfterAll,
  type TestOrg,
} from '../service/helpers';

// Outbound webhooks and email alerts, through real receivers on loopback: a node:http server that
// verifies every signature, and an SMTP server (smtp-server). Both fail on demand to show the
// retries; every attempt is listed. Waits are "until it happens", never timed assertions.

stopPostgresAfterAll();

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function receiver() {
  const received: Received[] = [];
  const plan: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = plan.shift() ?? 200;
      res.end();
    });
  });
  return {
    received,
    /** Status codes for the next requests (then 200). */
    plan,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function mailbox() {
  const mails: { to: string[]; text: string }[] = [];
  let failNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          return callback(error);
        }
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: Buffer.concat(chunks).toString('utf8'),
        });
        return callback();
      });
    },
  });
  return {
    mails,
    failNext: (n: number) => {
      failNext = n;
    },
    start: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const verify = (secret: string, r: Received): boolean => {
  const ts = String(r.headers['x-partnerdesk-timestamp']);
  const given = Buffer.from(String(r.headers['x-partnerdesk-signature']));
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`,
  );
  return given.length === expected.length && timingSafeEqual(given, expected);
};

interface Delivery {
  id: number;
  eventName: string;
  referralId: string;
  state: string;
  attempts: number;
  attemptLog: {
    attempt: number;
    statusCode: number | null;
    error: string | null;
    outcome: string;
    durationMs: number;
    nextRetryAt: string | null;
  }[];
}

describe.each(DATABASES)('webhooks and email alerts (%s)', (database) => {
  let service: RunningService;
  const hook = receiver();
  const smtp = mailbox();
  let hookUrl: string;
  let org: TestOrg;
  let other: TestOrg;
  let admin: string;
  let otherAdmin: string;

  beforeAll(async () => {
    hookUrl = await hook.start();
    const smtpPort = await smtp.start();
    const env = {
      OUTBOUND_POLL_MS: '100',
      OUTBOUND_RETRY_BASE_MS: '50',
      OUTBOUND_RETRY_MAX_MS: '200',
      OUTBOUND_MAX_ATTEMPTS: '3',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    };
    Object.assign(process.env, env);
    try {
      service = await startService({}, { database });
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
    org = await createTestOrg(service.ctx, 'Hook Co');
    other = await createTestOrg(service.ctx, 'Other Hook Co');
    admin = await signIn(service.url, org.admin);
    otherAdmin = await signIn(service.url, other.admin);
  });
  afterAll(async () => {
    await service.close();
    await hook.stop();
    await smtp.stop();
  });

  const deliveries = async (path: string, token = admin) =>
    (await call<{ value: Delivery[] }>(service.url, 'GET', path, { token })).body.value;

  it('validates subscriptions: https or loopback http, known events; admins only', async () => {
    for (const body of [
      { url: 'http://example.com/hook', events: ['referral-created'] },
      { url: 'ftp://127.0.0.1/x', events: ['referral-created'] },
      { url: 'https://user:pw@example.com/x', events: ['referral-created'] },
      { url: 'https://example.com/x', events: ['referral-deleted'] },
      { url: 'https://example.com/x', events: [] },
      { url: 'https://example.com/x', events: ['referral-created'], secret: 'short' },
    ]) {
      const reply = await call(service.url, 'POST', '/v1/webhooks', { token: admin, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.details).toBeDefined();
    }
    const member = await signIn(service.url, org.member);
    expect(
      (
        await call(service.url, 'POST', '/v1/webhooks', {
          token: member,
          body: { url: `${hookUrl}/m`, events: ['referral-created'] },
        })
      ).status,
    ).toBe(403);
  });

  it('delivers signed envelopes for created and updated referrals, retries a failing receiver, logs every attempt', async () => {
    const created = await call<{ id: string; secret: string; events: string[] }>(
      service.url,
      'POST',
      '/v1/webhooks',
      {
        token: admin,
        body: { url: `${hookUrl}/pc`, events: ['referral-created', 'referral-updated'] },
      },
    );
    expect(created.status).toBe(201);
    const { id, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    const stored = await service.ctx.db.query<{ secret_enc: string }>(
      'SELECT secret_enc FROM webhook_subscriptions WHERE id = $1',
      [id],
    );
    expect(stored[0]?.secret_enc).not.toContain(secret);
    expect(
      JSON.stringify((await call(service.url, 'GET', '/v1/webhooks', { token: admin })).body),
    ).not.toContain(secret);

    hook.plan.push(500, 503);
    const r = makeReferral({ customerProfile: { name: 'Hooked Inc' } });
    const from = hook.received.length;
    await seedReferrals(service.ctx, org.id, [r]);
    const [delivery] = await until('the delivery to succeed', async () => {
      const list = await deliveries(`/v1/webhooks/${id}/deliveries`);
      return list.length > 0 && list[0]?.state === 'delivered' ? list : null;
    });
    expect(delivery?.attemptLog.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'retry'],
      [2, 503, 'retry'],
      [3, 200, 'delivered'],
    ]);
    expect(delivery?.attemptLog[0]?.nextRetryAt).not.toBeNull();
    const mine = hook.received
      .slice(from)
      .filter((x) => x.headers['x-partnerdesk-delivery'] === String(delivery?.id));
    expect(mine.length).toBe(3);
    for (const req of mine) {
      expect(verify(secret, req)).toBe(true);
      expect(verify('wrong-secret-wrong-secret', req)).toBe(false);
    }
    const envelope = JSON.parse(mine[2]?.body ?? '{}') as Record<string, string>;
    expect(envelope).toMatchObject({ EventName: 'referral-created', ResourceName: 'Referral' });
    expect(envelope.ResourceUri).toBe(`${service.url}/v1.0/engagements/referrals/${r.id}`);
    expect(Number.isFinite(Date.parse(envelope.ResourceChangeUtcDate ?? ''))).toBe(true);

    const patched = await call(service.url, 'PATCH', `/v1.0/engagements/referrals/${r.id}`, {
      token: admin,
      body: [{ op: 'replace', path: '/favorite', value: true }],
    });
    expect(patched.status).toBe(204);
    await until('referral-updated', async () =>
      (await deliveries(`/v1/webhooks/${id}/deliveries`)).find(
        (d) => d.eventName === 'referral-updated' && d.state === 'delivered',
      ),
    );
  });

  it('gives up after the maximum attempts (dead), and a deleted subscription stops', async () => {
    const created = await call<{ id: string }>(service.url, 'POST', '/v1/webhooks', {
      token: admin,
      body: { url: 'http://127.0.0.1:9/closed', events: ['referral-created'] },
    });
    await seedReferrals(service.ctx, org.id, [makeReferral()]);
    const dead = await until('a dead delivery', async () =>
      (await deliveries(`/v1/webhooks/${created.body.id}/deliveries`)).find((d) => d.state === 'dead'),
    );
    expect(dead.attemptLog.map((a) => a.outcome)).toEqual(['retry', 'retry', 'dead']);
    expect(dead.attemptLog.every((a) => a.error !== null && a.durationMs >= 0)).toBe(true);
    expect(
      (await call(service.url, 'DELETE', `/v1/webhooks/${created.body.id}`, { token: admin })).status,
    ).toBe(204);
    expect(
      (await call(service.url, 'GET', `/v1/webhooks/${created.body.id}/deliveries`, { token: admin })).status,
    ).toBe(404);
  });

  it('keeps organizations apart: another org sees, deletes and receives nothing of ours', async () => {
    const ours = await call<{ id: string }>(service.url, 'POST', '/v1/webhooks', {
      token: admin,
      body: { url: `${hookUrl}/ours`, events: ['referral-created'] },
    });
    for (const [method, path] of [
      ['GET', `/v1/webhooks/${ours.body.id}`],
      ['GET', `/v1/webhooks/${ours.body.id}/deliveries`],
      ['DELETE', `/v1/webhooks/${ours.body.id}`],
    ] as const) {
      expect((await call(service.url, method, path, { token: otherAdmin })).status).toBe(404);
    }
    expect(
      (await call<{ value: unknown[] }>(service.url, 'GET', '/v1/webhooks', { token: otherAdmin })).body
        .value,
    ).toEqual([]);
    const theirs = makeReferral({ customerProfile: { name: 'Not yours' } });
    await seedReferrals(service.ctx, other.id, [theirs]);
    const marker = makeReferral();
    await seedReferrals(service.ctx, org.id, [marker]);
    await until('our marker', async () =>
      (await deliveries(`/v1/webhooks/${ours.body.id}/deliveries`)).find(
        (d) => d.referralId === marker.id && d.state === 'delivered',
      ),
    );
    const all = await deliveries(`/v1/webhooks/${ours.body.id}/deliveries`);
    expect(all.some((d) => d.referralId === theirs.id)).toBe(false);
    expect(hook.received.some((x) => x.body.includes(theirs.id))).toBe(false);
  });

  it('emails alert recipients for new marketing-qualified leads, retrying after an SMTP failure', async () => {
    const rule = await call<{ id: string; smtpConfigured: boolean }>(
      service.url,
      'POST',
      '/v1/alerts/rules',
      {
        token: admin,
        body: {
          name: 'MQL alert',
          recipients: ['sales@hook.example', 'lead@hook.example'],
          qualifications: ['MarketingQualified'],
        },
      },
    );
    expect(rule.status).toBe(201);
    expect(rule.body.smtpConfigured).toBe(true);
    smtp.failNext(1);
    const direct = makeReferral({ qualification: 'Direct', customerProfile: { name: 'Direct Buyer' } });
    const mql = makeReferral({
      qualification: 'MarketingQualified',
      customerProfile: {
        name: 'Fabrikam Retail',
        team: [{ firstName: 'Mia', lastName: 'Quinn', email: 'mia@fabrikam.example' }],
      },
    });
    await seedReferrals(service.ctx, org.id, [direct, mql]);
    const mail = await until('the alert email', async () =>
      smtp.mails.find((m) => m.text.includes('Fabrikam Retail')),
    );
    expect(mail.to.sort()).toEqual(['lead@hook.example', 'sales@hook.example']);
    for (const part of [
      'Mia Quinn',
      'mia@fabrikam.example',
      'Marketing qualified',
      'Lead source:',
      'Respond by:',
      `/referrals/${mql.id}`,
    ])
      expect(mail.text).toContain(part);
    const list = await deliveries(`/v1/alerts/rules/${rule.body.id}/deliveries`);
    expect(list.map((d) => d.referralId)).toEqual([mql.id]);
    expect(list[0]?.attemptLog.map((a) => a.outcome)).toEqual(['retry', 'delivered']);
    expect(list[0]?.attemptLog[0]?.statusCode).toBe(451);
    expect(smtp.mails.some((m) => m.text.includes('Direct Buyer'))).toBe(false);
  });

  it('alert rules: validation, admins only, tenant isolation, test leads left out unless asked', async () => {
    expect(
      (
        await call(service.url, 'POST', '/v1/alerts/rules', {
          token: admin,
          body: { recipients: ['not-an-email'] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(service.url, 'POST', '/v1/alerts/rules', {
          token: admin,
          body: { recipients: ['a@b.example'], tabs: ['nope'] },
        })
      ).status,
    ).toBe(400);
    const member = await signIn(service.url, org.member);
    expect((await call(service.url, 'GET', '/v1/alerts/rules', { token: member })).status).toBe(403);
    const rule = await call<{ id: string }>(service.url, 'POST', '/v1/alerts/rules', {
      token: admin,
      body: { recipients: ['market@hook.example'], tabs: ['marketplace'] },
    });
    expect(
      (await call(service.url, 'DELETE', `/v1/alerts/rules/${rule.body.id}`, { token: otherAdmin })).status,
    ).toBe(404);
    expect(
      (await call(service.url, 'GET', `/v1/alerts/rules/${rule.body.id}/deliveries`, { token: otherAdmin }))
        .status,
    ).toBe(404);
    expect(
      (await call<{ value: unknown[] }>(service.url, 'GET', '/v1/alerts/rules', { token: otherAdmin })).body
        .value,
    ).toEqual([]);
    const key = (await createIntakeKey(service.ctx.db, org.id)).key;
    const send = (email: string, description: string) =>
      fetch(`${service.url}/v1/intake/marketplace/${key}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          UserDetails: { Email: email, Company: `${email} Co` },
          LeadSource: 'AzureMarketplace-INS|contoso.crm',
          Description: description,
        }),
      });
    await send('tester@hook.example', 'MSFT_TEST');
    await send('buyer@hook.example', 'real');
    await until('the marketplace alert', async () =>
      smtp.mails.find(
        (m) => m.to.includes('market@hook.example') && m.text.includes('buyer@hook.example Co'),
      ),
    );
    expect(smtp.mails.some((m) => m.text.includes('tester@hook.example Co'))).toBe(false);
    expect(
      (await call(service.url, 'DELETE', `/v1/alerts/rules/${rule.body.id}`, { token: admin })).status,
    ).toBe(204);
  });
});
