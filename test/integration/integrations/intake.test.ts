import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../../src-shared/index';
import { createIntakeKey, revokeIntakeKey } from '../../../src-server/auth/identity-repo';
import { startService, type RunningService } from '../../support/service';
import {
  call,
  createTestOrg,
  DATABASES,
  signIn,
  stopPostgresAfterAll,
  type TestOrg,
} from '../service/helpers';

// Marketplace intake (sync-protocol.md section 5): keyed URL, case-insensitive keys, LeadSource
// decoded, test leads flagged, duplicates merged, dead letters for unusable bodies (still 202),
// 413 above 64 KB, a rate limit per key, Azure Table import; and a fuzz test: arbitrary JSON and
// bytes never give a 5xx and every lead ends as a referral, a merge or a dead letter.

stopPostgresAfterAll();

const lead = (email: string, extra: Record<string, unknown> = {}) => ({
  UserDetails: {
    FirstName: 'Jane',
    LastName: 'Doe',
    Email: email,
    Phone: '+1 555 0100',
    Country: 'US',
    Company: 'Northwind',
    Title: 'CTO',
  },
  LeadSource: 'AzureMarketplace-PLT|contoso.crm-connector',
  ActionCode: 'PLT',
  OfferTitle: 'Contoso CRM Connector',
  Description: 'Interested in a trial',
  ...extra,
});

async function post(url: string, key: string, body: string | Uint8Array, contentType = 'application/json') {
  const response = await fetch(`${url}/v1/intake/marketplace/${key}`, {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as { outcome?: string; reason?: string; error?: string }),
    headers: response.headers,
  };
}

describe.each(DATABASES)('marketplace intake (%s)', (database) => {
  let service: RunningService;
  let org: TestOrg;
  let other: TestOrg;
  let key: string;
  let otherKey: string;
  let admin: string;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await service.ctx.db.query<{ n: number }>(sql, params))[0]?.n ?? 0);
  const referralsByEmail = async (email: string) =>
    (
      await service.ctx.db.query<{ data: Referral }>(
        `SELECT data FROM referrals WHERE org_id = $1 AND dedupe_key LIKE $2`,
        [org.id, `${email.toLowerCase()}|%`],
      )
    ).map((r) => r.data);

  beforeAll(async () => {
    service = await startService({}, { database });
    org = await createTestOrg(service.ctx, 'Intake Co');
    other = await createTestOrg(service.ctx, 'Other Intake Co');
    key = (await createIntakeKey(service.ctx.db, org.id)).key;
    otherKey = (await createIntakeKey(service.ctx.db, other.id)).key;
    admin = await signIn(service.url, org.admin);
  });
  afterAll(() => service.close());

  it('turns a lead into a Received marketplace referral with the LeadSource decoded', async () => {
    const reply = await post(service.url, key, JSON.stringify(lead('first@northwind.example')));
    expect([reply.status, reply.body?.outcome]).toEqual([202, 'created']);
    const [r] = await referralsByEmail('first@northwind.example');
    expect(r).toMatchObject({
      status: 'New',
      substatus: 'Received',
      source: 'marketplace',
      details: { customerRequestedContact: true },
    });
    expect(r?.marketplace?.leadSource).toMatchObject({
      source: 'AzureMarketplace',
      action: 'PLT',
      publisherId: 'contoso',
      offerId: 'crm-connector',
    });
  });

  it('matches keys case-insensitively (userDetails, USERDETAILS, email)', async () => {
    const body = {
      userdetails: { email: 'lower@northwind.example', company: 'Lower Inc' },
      leadsource: 'AppSource (SPZA)-INS|contoso.crm',
    };
    expect((await post(service.url, key, JSON.stringify(body))).body?.outcome).toBe('created');
    const [r] = await referralsByEmail('lower@northwind.example');
    expect(r?.customerProfile.name).toBe('Lower Inc');
    expect(r?.marketplace?.leadSource.source).toBe('AppSource');
  });

  it('flags test leads', async () => {
    await post(
      service.url,
      key,
      JSON.stringify(lead('test@northwind.example', { Description: 'MSFT_TEST lead' })),
    );
    const rows = await service.ctx.db.query<{ is_test: boolean }>(
      `SELECT is_test FROM referrals WHERE org_id = $1 AND dedupe_key LIKE 'test@%'`,
      [org.id],
    );
    expect(rows.map((r) => r.is_test)).toEqual([true]);
  });

  it('merges a duplicate (same email and offer) into the existing referral as a new action', async () => {
    await post(
      service.url,
      key,
      JSON.stringify(
        lead('dup@northwind.example', {
          LeadSource: 'AzureMarketplace-INS|contoso.crm-connector',
          ActionCode: 'INS',
        }),
      ),
    );
    const again = await post(
      service.url,
      key,
      JSON.stringify(
        lead('DUP@northwind.example', {
          LeadSource: 'AzureMarketplace-StartTestDrive|contoso.crm-connector',
        }),
      ),
    );
    expect(again.body?.outcome).toBe('merged');
    const rows = await referralsByEmail('dup@northwind.example');
    expect(rows.length).toBe(1);
    expect(rows[0]?.marketplace?.actions.map((a) => a.action)).toEqual(['INS', 'StartTestDrive']);
  });

  it('keeps unusable bodies as dead letters with their bytes, answered 202, listed for admins only', async () => {
    const cases: [string | Uint8Array, string, string][] = [
      ['{"UserDetails": {', 'application/json', 'invalid_json'],
      ['{"LeadSource": "AzureMarketplace-INS|x"}', 'application/json', 'no_customer_fields'],
      ['[1,2,3]', 'application/json', 'not_an_object'],
      ['Email=a@b.c', 'application/x-www-form-urlencoded', 'unsupported_content_type'],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x01]), 'application/json', 'invalid_json'],
      ['', 'application/json', 'empty_body'],
    ];
    for (const [body, type, reason] of cases) {
      const reply = await post(service.url, key, body, type);
      expect([reply.status, reply.body?.outcome, reply.body?.reason]).toEqual([202, 'dead-letter', reason]);
    }
    const list = await call<{ value: { reason: string; bodyBase64: string; bodyText: string | null }[] }>(
      service.url,
      'GET',
      '/v1/intake/dead-letters',
      { token: admin },
    );
    expect(list.status).toBe(200);
    const binary = list.body.value.find(
      (d) => d.bodyBase64 === Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('base64'),
    );
    expect(binary?.bodyText).toBeNull();
    expect(list.body.value.some((d) => d.bodyText === '{"UserDetails": {')).toBe(true);
    const member = await signIn(service.url, org.member);
    expect((await call(service.url, 'GET', '/v1/intake/dead-letters', { token: member })).status).toBe(403);
    const otherAdmin = await signIn(service.url, other.admin);
    const theirs = await call<{ value: unknown[] }>(service.url, 'GET', '/v1/intake/dead-letters', {
      token: otherAdmin,
    });
    expect(theirs.body.value.length).toBe(0);
  });

  it("answers 404 to a wrong or revoked key; another org's key writes only into that org; several keys work", async () => {
    expect((await post(service.url, 'ik_wrong', JSON.stringify(lead('x@y.example')))).status).toBe(404);
    const second = await createIntakeKey(service.ctx.db, org.id, 'second');
    expect(
      (await post(service.url, second.key, JSON.stringify(lead('second@northwind.example')))).status,
    ).toBe(202);
    await revokeIntakeKey(service.ctx.db, org.id, second.id);
    expect(
      (await post(service.url, second.key, JSON.stringify(lead('revoked@northwind.example')))).status,
    ).toBe(404);
    const before = await count('SELECT count(*)::int AS n FROM referrals WHERE org_id = $1', [org.id]);
    await post(service.url, otherKey, JSON.stringify(lead('dup@northwind.example')));
    expect(await count('SELECT count(*)::int AS n FROM referrals WHERE org_id = $1', [org.id])).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM referrals WHERE org_id = $1', [other.id])).toBe(1);
  });

  it('manages intake keys over HTTP (admin): create, list, revoke', async () => {
    const created = await call<{ id: string; key: string; intakeUrl: string }>(
      service.url,
      'POST',
      '/v1/intake/keys',
      { token: admin, body: { label: 'crm' } },
    );
    expect(created.status).toBe(201);
    expect(created.body.intakeUrl).toContain(created.body.key);
    expect(
      (await post(service.url, created.body.key, JSON.stringify(lead('api-key@northwind.example')))).status,
    ).toBe(202);
    const listed = await call<{ value: { id: string; active: boolean }[] }>(
      service.url,
      'GET',
      '/v1/intake/keys',
      { token: admin },
    );
    expect(listed.body.value.find((k) => k.id === created.body.id)?.active).toBe(true);
    const otherAdmin = await signIn(service.url, other.admin);
    expect(
      (await call(service.url, 'DELETE', `/v1/intake/keys/${created.body.id}`, { token: otherAdmin })).status,
    ).toBe(404);
    expect(
      (await call(service.url, 'DELETE', `/v1/intake/keys/${created.body.id}`, { token: admin })).status,
    ).toBe(204);
  });

  it('refuses bodies above 64 KB with 413', async () => {
    const big = JSON.stringify(lead('big@northwind.example', { Description: 'x'.repeat(70 * 1024) }));
    expect((await post(service.url, key, big)).status).toBe(413);
  });

  it('imports Azure Table rows through the same normalizer and merge, with a per-row report (admin only)', async () => {
    const row = (email: string, action: string) => ({
      PartitionKey: 'p',
      RowKey: `${email}-${action}`,
      Timestamp: '2026-01-10T10:00:00Z',
      ProductId: 'contoso.crm-connector',
      CustomerInfo: JSON.stringify({ FirstName: 'Tab', LastName: 'Le', Email: email, Company: 'Tabular' }),
      LeadSource: `AzurePortal-${action}|Contoso CRM Connector`,
      ActionCode: action,
      OfferDisplayName: 'Contoso CRM Connector',
      CreatedTime: '2026-01-10T10:00:00',
    });
    const rows = [
      row('table1@northwind.example', 'Create'),
      row('table1@northwind.example', 'INS'),
      row('dup@northwind.example', 'Create'),
      { CustomerInfo: '{not json' },
      42,
    ];
    const reply = await call<{
      rows: { row: number; outcome: string; reason?: string }[];
      totals: Record<string, number>;
    }>(service.url, 'POST', '/v1/import/azure-table', { token: admin, body: rows });
    expect(reply.status).toBe(200);
    expect(reply.body.rows.map((r) => r.outcome)).toEqual([
      'created',
      'merged',
      'merged',
      'dead-letter',
      'dead-letter',
    ]);
    expect(reply.body.totals).toEqual({ rows: 5, created: 1, merged: 2, deadLetters: 2 });
    expect((await referralsByEmail('dup@northwind.example')).length).toBe(1);
    const member = await signIn(service.url, org.member);
    expect(
      (await call(service.url, 'POST', '/v1/import/azure-table', { token: member, body: [] })).status,
    ).toBe(403);
    expect(
      (await call(service.url, 'POST', '/v1/import/azure-table', { token: admin, body: { rows: [] } }))
        .status,
    ).toBe(400);
  });

  it('fuzz: arbitrary JSON and bytes never give a 5xx and never lose a lead', async () => {
    const fuzzKey = (await createIntakeKey(service.ctx.db, other.id, 'fuzz')).key;
    const sums = async () => ({
      referrals: await count('SELECT count(*)::int AS n FROM referrals WHERE org_id = $1', [other.id]),
      merges: await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE org_id = $1 AND action = 'intake-merge'`,
        [other.id],
      ),
      dead: await count('SELECT count(*)::int AS n FROM intake_dead_letters WHERE org_id = $1', [other.id]),
    });
    const start = await sums();
    const seen = { created: 0, merged: 0, 'dead-letter': 0 } as Record<string, number>;
    const keyCase = fc.constantFrom('UserDetails', 'userDetails', 'USERDETAILS', 'userdetails');
    const plausible = fc
      .record({
        key: keyCase,
        email: fc.constantFrom('a@fuzz.example', 'B@fuzz.example', 'c@fuzz.example', ''),
        name: fc.string(),
        extra: fc.jsonValue({ maxDepth: 3 }),
      })
      .map((x) =>
        JSON.stringify({
          [x.key]: { Email: x.email, FirstName: x.name },
          LeadSource: 'AzureMarketplace-INS|fuzz.offer',
          Extra: x.extra,
        }),
      );
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      plausible,
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      '',
      'application/octet-stream',
      'application/json; charset=utf-8',
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, async (b, type) => {
        const reply = await post(service.url, fuzzKey, b, type);
        expect(reply.status).toBe(202);
        seen[reply.body?.outcome ?? 'missing'] = (seen[reply.body?.outcome ?? 'missing'] ?? 0) + 1;
      }),
      { numRuns: 120 },
    );
    const end = await sums();
    expect(end.referrals - start.referrals).toBe(seen.created);
    expect(end.merges - start.merges).toBe(seen.merged);
    expect(end.dead - start.dead).toBe(seen['dead-letter']);
    expect((seen.created ?? 0) + (seen.merged ?? 0) + (seen['dead-letter'] ?? 0)).toBe(120);
  });
});

describe('intake rate limit', () => {
  let service: RunningService;
  beforeAll(async () => {
    process.env['INTAKE_RATE_LIMIT_MAX'] = '3';
    try {
      service = await startService();
    } finally {
      delete process.env['INTAKE_RATE_LIMIT_MAX'];
    }
  });
  afterAll(() => service.close());

  it('answers 429 with Retry-After once a key exceeds its limit; another key is not affected', async () => {
    const org = await createTestOrg(service.ctx, 'Limited Co');
    const k1 = (await createIntakeKey(service.ctx.db, org.id)).key;
    const k2 = (await createIntakeKey(service.ctx.db, org.id)).key;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await post(service.url, k1, JSON.stringify(lead(`rl${i}@x.example`)))).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    const limited = await post(service.url, k1, JSON.stringify(lead('rl@x.example')));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body?.error).toBe('rate_limited');
    expect((await post(service.url, k2, JSON.stringify(lead('rl-other@x.example')))).status).toBe(202);
  });
});
