import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS } from '../../../src-shared/partner-center-csv';
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

// CSV import and export in Partner Center's columns: a 100,000-row round trip with each conflict
// rule, structural errors that write nothing, per-row field errors, the streamed export with the
// list's filters and the caller's visibility, and tenant isolation.

stopPostgresAfterAll();
const ROWS = 100_000;

interface ImportReply {
  rows: {
    row: number;
    outcome: string;
    referralId?: string;
    errors?: { field: string; message: string }[];
  }[];
  totals: Record<string, number>;
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: Record<string, string>[], headers: readonly string[] = HEADERS) =>
  [headers.join(','), ...rows.map((r) => headers.map((h) => cell(r[h] ?? '')).join(','))].join('\r\n');

function generatedRow(i: number): Record<string, string> {
  const accepted = i % 2 === 1;
  return {
    'Referral ID': `csv-${i}`,
    'Engagement ID': `eng-${i}`,
    'Deal name': accepted ? `Deal ${i}, "phase 1"` : '',
    'Customer name': `Customer ${i}`,
    'Customer country': 'US',
    'Customer contact email': `buyer${i}@example.com`,
    Status: accepted ? 'Active' : 'New',
    Substatus: accepted ? 'Accepted' : 'Received',
    Qualification: i % 3 === 0 ? 'MarketingQualified' : 'Direct',
    'Estimated deal value': accepted ? String(1000 + i) : '',
    Currency: accepted ? 'USD' : '',
    'Estimated close date': accepted ? '12/31/2027' : '',
    'Created date': '01/15/2026',
    Notes: i % 1000 === 0 ? 'multi\nline' : '',
    'Team members': accepted ? `Sam Seller <sam${i % 7}@partner.example>` : '',
  };
}

describe.each(DATABASES)('CSV import and export (%s)', (database) => {
  let service: RunningService;
  let org: TestOrg;
  let other: TestOrg;
  let admin: string;

  // A fresh connection per import (agent: false): a 100,000-row request must not land on a pooled
  // keep-alive socket that went stale while the test parsed the previous export.
  const postCsv = (text: string, conflict: string, token = admin) =>
    new Promise<{ status: number; body: ImportReply & { error?: string; details?: unknown } }>(
      (resolve, reject) => {
        const req = http.request(
          `${service.url}/v1/import/csv?conflict=${conflict}`,
          {
            method: 'POST',
            agent: false,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'text/csv',
              'content-length': Buffer.byteLength(text),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ImportReply,
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(text);
      },
    );
  const exportCsv = async (query = '', token = admin) => {
    const response = await fetch(`${service.url}/v1/export/csv${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), text };
  };
  const version = async (orgId: string) =>
    Number(
      (
        await service.ctx.db.query<{ version: number }>('SELECT version FROM organizations WHERE id = $1', [
          orgId,
        ])
      )[0]?.version,
    );
  const countOf = async (orgId: string) =>
    Number(
      (
        await service.ctx.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM referrals WHERE org_id = $1 AND NOT deleted',
          [orgId],
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    service = await startService({}, { database });
    org = await createTestOrg(service.ctx, 'Csv Co');
    other = await createTestOrg(service.ctx, 'Other Csv Co');
    admin = await signIn(service.url, org.admin);
  });
  afterAll(() => service.close());

  it(`round trip at ${ROWS.toLocaleString('en')} rows with skip, replace and keep-both`, async () => {
    const source = Array.from({ length: ROWS }, (_, i) => generatedRow(i));
    const created = await postCsv(toCsv(source), 'skip');
    expect(created.status).toBe(200);
    expect(created.body.totals).toMatchObject({ rows: ROWS, created: ROWS, error: 0 });

    const exported = await exportCsv('?$orderby=createdDateTime asc');
    expect(exported.status).toBe(200);
    expect(exported.type).toContain('text/csv');
    const records = parse(exported.text, { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(ROWS);
    const byId = new Map(records.map((r) => [r['Referral ID'], r]));
    for (const i of [0, 1, 999, 1000, 54321, ROWS - 1]) {
      const want = generatedRow(i);
      const got = byId.get(`csv-${i}`);
      for (const h of [
        'Deal name',
        'Customer name',
        'Status',
        'Substatus',
        'Estimated deal value',
        'Currency',
        'Estimated close date',
        'Created date',
        'Notes',
        'Team members',
        'Qualification',
      ])
        expect(got?.[h], `${h} of row ${i}`).toBe(want[h] ?? '');
    }

    const before = await version(org.id);
    const skipped = await postCsv(exported.text, 'skip');
    expect(skipped.body.totals).toMatchObject({ skipped: ROWS, created: 0 });
    expect(await version(org.id)).toBe(before); // nothing written, no version consumed

    const renamed = records.map((r) => ({ ...r, 'Customer name': `${r['Customer name']} (renamed)` }));
    const replaced = await postCsv(toCsv(renamed), 'replace');
    expect(replaced.body.totals).toMatchObject({ replaced: ROWS, error: 0 });
    const sample = await call<{ customerProfile: { name: string }; team: { email: string }[] }>(
      service.url,
      'GET',
      '/v1.0/engagements/referrals/csv-1',
      { token: admin },
    );
    expect(sample.body.customerProfile.name).toBe('Customer 1 (renamed)');

    const both = await postCsv(exported.text, 'keep-both');
    expect(both.body.totals).toMatchObject({ 'kept-both': ROWS });
    expect(await countOf(org.id)).toBe(2 * ROWS);
    expect(new Set(both.body.rows.map((r) => r.referralId)).size).toBe(ROWS);
    expect(await countOf(other.id)).toBe(0);
  }, 900_000);

  it('a structural error (missing column, unparseable CSV, duplicate column) is a 400 and writes nothing', async () => {
    const before = [await version(org.id), await countOf(org.id)];
    const fine = toCsv([generatedRow(900_001)]);
    const cases = [
      toCsv(
        [generatedRow(900_002)],
        HEADERS.filter((h) => h !== 'Status'),
      ),
      `${fine}\r\n"csv-900003,unterminated`,
      `${fine}\r\ncsv-900004,too,few`,
      `Referral ID,Customer name,Status,Substatus,Status\r\nx,y,New,Received,New`,
      '',
    ];
    for (const text of cases) {
      const reply = await postCsv(text, 'skip');
      expect(reply.status, text.slice(0, 80)).toBe(400);
      expect(Array.isArray(reply.body.details)).toBe(true);
    }
    const missing = await postCsv(cases[0] ?? '', 'skip');
    expect(missing.body).toMatchObject({ error: 'missing_columns', details: [{ field: 'Status' }] });
    expect([await version(org.id), await countOf(org.id)]).toEqual(before);
  });

  it('reports field errors per row and still imports the valid rows', async () => {
    const rows = [
      { ...generatedRow(800_001) },
      { ...generatedRow(800_003), 'Estimated deal value': 'lots', Currency: 'dollars' },
      { ...generatedRow(800_005), 'Estimated close date': '31/12/2027' },
      { ...generatedRow(800_007), 'Team members': 'no email here' },
      { ...generatedRow(800_009), Status: '' },
      { ...generatedRow(800_001), 'Deal name': 'again' },
    ];
    const reply = await postCsv(toCsv(rows), 'skip');
    expect(reply.status).toBe(200);
    expect(reply.body.rows.map((r) => r.outcome)).toEqual([
      'created',
      'error',
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(reply.body.rows[1]?.errors?.map((e) => e.field)).toEqual(['Estimated deal value', 'Currency']);
    expect(reply.body.rows[2]?.errors?.[0]?.field).toBe('Estimated close date');
    expect(reply.body.rows[3]?.errors?.[0]?.field).toBe('Team members');
    expect(reply.body.rows[4]?.errors?.[0]?.field).toBe('Status');
    expect(reply.body.rows[5]?.errors?.[0]?.message).toContain('row 1');
    expect(
      (await call(service.url, 'GET', '/v1.0/engagements/referrals/csv-800001', { token: admin })).status,
    ).toBe(200);
  });

  it('replace never moves the lifecycle: archived referrals are read-only, a status change is a row error', async () => {
    const closed = makeReferral({ id: `closed-${randomUUID()}`, status: 'Closed', substatus: 'Won' });
    const open = makeReferral({ id: `open-${randomUUID()}` });
    await seedReferrals(service.ctx, org.id, [closed, open]);
    const rows = [
      { 'Referral ID': closed.id, 'Customer name': 'X', Status: 'Closed', Substatus: 'Won' },
      { 'Referral ID': open.id, 'Customer name': 'X', Status: 'Active', Substatus: 'Accepted' },
    ];
    const reply = await postCsv(toCsv(rows), 'replace');
    expect(reply.body.rows.map((r) => [r.outcome, r.errors?.[0]?.field])).toEqual([
      ['error', 'Referral ID'],
      ['error', 'Substatus'],
    ]);
  });

  it('bad parameters and callers: conflict must be known, the body must be CSV, members may not import', async () => {
    expect((await postCsv(toCsv([generatedRow(700_001)]), 'merge')).status).toBe(400);
    const json = await call(service.url, 'POST', '/v1/import/csv', { token: admin, body: { rows: [] } });
    expect([400, 415]).toContain(json.status);
    const member = await signIn(service.url, org.member);
    expect((await postCsv(toCsv([generatedRow(700_002)]), 'skip', member)).status).toBe(403);
    expect((await fetch(`${service.url}/v1/export/csv`)).status).toBe(401);
  });

  it('export streams with the list filters, tab and stage, and respects visibility and tenancy', async () => {
    const otherAdmin = await signIn(service.url, other.admin);
    await seedReferrals(service.ctx, other.id, [
      makeReferral({ id: 'csv-1', customerProfile: { name: 'Theirs' } }),
    ]);
    const filtered = await exportCsv(
      `?$filter=${encodeURIComponent("substatus eq 'Accepted' and qualification eq 'MarketingQualified'")}`,
    );
    const rows = parse(filtered.text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((r) => r['Substatus'] === 'Accepted' && r['Qualification'] === 'MarketingQualified'),
    ).toBe(true);
    const staged = parse((await exportCsv('?stage=received&tab=qualified')).text, {
      columns: true,
    }) as Record<string, string>[];
    expect(
      staged.every((r) => r['Sales stage'] === 'Received' && r['Qualification'] === 'MarketingQualified'),
    ).toBe(true);
    expect((await exportCsv('?$filter=nonsense')).status).toBe(400);
    const member = await signIn(service.url, org.member);
    const mine = parse((await exportCsv('?stage=accepted', member)).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(mine.length).toBe(0); // the member is on no accepted referral's team
    const theirs = parse((await exportCsv('', otherAdmin)).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(theirs.map((r) => r['Customer name'])).toEqual(['Theirs']);
  });
});
