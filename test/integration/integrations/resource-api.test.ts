import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../../src-shared/index';
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

// The Partner Center style resource API (sync-protocol.md section 5): list with $filter, $orderby,
// $top and @odata.nextLink; get with an ETag; PATCH with JSON Patch, If-Match, Prefer, and every
// lifecycle rule of the protocol table decided by the shared `decide`.

stopPostgresAfterAll();
const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.UTC(2026, 0, 20) - daysAgo * DAY).toISOString();
const BASE = '/v1.0/engagements/referrals';

interface ListReply {
  value: Referral[];
  '@odata.nextLink'?: string;
}

describe.each(DATABASES)('resource API (%s)', (database) => {
  let service: RunningService;
  let org: TestOrg;
  let admin: string;
  let member: string;
  const pc = (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => call<Record<string, unknown>>(service.url, method, path, { token: admin, ...options });
  const patch = (id: string, ops: unknown, headers: Record<string, string> = {}, token = admin) =>
    call<Record<string, unknown>>(service.url, 'PATCH', `${BASE}/${id}`, {
      token,
      body: ops,
      headers: { prefer: 'return=representation', ...headers },
    });

  beforeAll(async () => {
    service = await startService({}, { database });
    org = await createTestOrg(service.ctx, 'Resource Co');
    admin = await signIn(service.url, org.admin);
    member = await signIn(service.url, org.member);
  });
  afterAll(() => service.close());

  describe('list', () => {
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      const rows: Referral[] = [];
      for (let i = 0; i < 30; i += 1) {
        const r = makeReferral({
          createdDateTime: at(40 - i),
          updatedDateTime: at(40 - i),
          expirationDateTime: '2099-01-01T00:00:00Z',
          qualification: i % 3 === 0 ? 'MarketingQualified' : 'Direct',
          favorite: i % 5 === 0,
          status: i < 20 ? 'New' : 'Active',
          substatus: i < 20 ? 'Received' : 'Accepted',
          customerProfile: { name: `List customer ${i}` },
        });
        ids[`n${i}`] = r.id;
        rows.push(r);
      }
      await seedReferrals(service.ctx, org.id, rows);
    });

    const listAll = async (query: string, token = admin) => {
      const seen: Referral[] = [];
      let next: string | undefined = `${service.url}${BASE}?${query}`;
      let pages = 0;
      while (next) {
        const response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        const body = (await response.json()) as ListReply;
        seen.push(...body.value);
        next = body['@odata.nextLink'];
        pages += 1;
      }
      return { seen, pages };
    };

    it('pages with $top and @odata.nextLink through every row, in order, without repeats', async () => {
      const { seen, pages } = await listAll(
        `$filter=${encodeURIComponent("substatus eq 'Received' or substatus eq 'Accepted'")}&$orderby=createdDateTime asc&$top=7`,
      );
      expect(
        seen
          .filter((r) => r.customerProfile.name.startsWith('List customer'))
          .map((r) => r.customerProfile.name),
      ).toEqual(Array.from({ length: 30 }, (_, i) => `List customer ${i}`));
      expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
      expect(pages).toBeGreaterThanOrEqual(5);
    });

    it('filters by status, qualification, favorite and updatedDateTime, with and/or and parentheses', async () => {
      const q = (f: string) =>
        listAll(`$filter=${encodeURIComponent(f)}&$top=1000`).then((x) =>
          x.seen.filter((r) => r.customerProfile.name.startsWith('List customer')),
        );
      expect((await q("status eq 'Active'")).length).toBe(10);
      expect((await q("qualification eq 'MarketingQualified' and status eq 'New'")).length).toBe(7);
      expect((await q('favorite eq true')).length).toBe(6);
      expect((await q(`updatedDateTime ge ${at(15)} and updatedDateTime lt ${at(10)}`)).length).toBe(5);
      expect(
        (await q("(substatus eq 'Accepted' or favorite eq true) and qualification ne 'Direct'")).length,
      ).toBe(5);
      expect((await q("status eq 'It''s' or status eq 'New'")).length).toBe(20);
    });

    it('orders by updatedDateTime desc', async () => {
      const { seen } = await listAll('$orderby=updatedDateTime desc&$top=1000');
      const times = seen.map((r) => Date.parse(r.updatedDateTime));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('refuses a bad $filter, $orderby, $top or $skiptoken with a 400 naming the parameter, and never runs the text as SQL', async () => {
      for (const [query, field] of [
        ["$filter=status eq 'x'; DROP TABLE referrals", '$filter'],
        ['$filter=secret eq 1', '$filter'],
        ['$filter=favorite eq maybe', '$filter'],
        ["$filter=updatedDateTime gt '2024-01-01'", '$filter'],
        ["$filter=(status eq 'New'", '$filter'],
        ['$orderby=name', '$orderby'],
        ['$top=0', '$top'],
        ['$top=100000', '$top'],
        ['$skiptoken=garbage', '$skiptoken'],
      ] as const) {
        const reply = await pc('GET', `${BASE}?${query.replace(/ /g, '%20')}`);
        expect(reply.status, query).toBe(400);
        expect(JSON.stringify(reply.body.details)).toContain(field);
      }
      const injected = await pc(
        'GET',
        `${BASE}?$filter=${encodeURIComponent("status eq 'New'' OR 1=1 --'")}`,
      );
      expect(injected.status).toBe(200);
      expect((injected.body.value as unknown[]).length).toBe(0);
    });

    it('shows a member only what the visibility rule lets them see', async () => {
      const { seen } = await listAll('$top=1000', member);
      expect(
        seen.every((r) => r.substatus === 'Received' || r.team.some((m) => m.email === org.member.email)),
      ).toBe(true);
      expect(seen.some((r) => r.substatus === 'Accepted')).toBe(false);
    });
  });

  describe('get and PATCH', () => {
    const received = (extra: Record<string, unknown> = {}) =>
      makeReferral({ expirationDateTime: '2099-01-01T00:00:00Z', ...extra });
    const accepted = () =>
      makeReferral({
        status: 'Active',
        substatus: 'Accepted',
        name: 'Deal',
        details: { dealValue: 1000, currency: 'USD', closingDateTime: '2027-01-31' },
      });
    const seed = async (r: Referral) => {
      await seedReferrals(service.ctx, org.id, [r]);
      return r.id;
    };
    const acceptOps = [
      { op: 'replace', path: '/status', value: 'Active' },
      { op: 'replace', path: '/substatus', value: 'Accepted' },
      { op: 'replace', path: '/name', value: 'Contoso rollout' },
      { op: 'replace', path: '/details/dealValue', value: 50000 },
      { op: 'replace', path: '/details/currency', value: 'EUR' },
      { op: 'replace', path: '/details/closingDateTime', value: '2027-06-30T00:00:00Z' },
    ];

    it('GET returns the referral with its ETag; not found and invalid ids are 404', async () => {
      const id = await seed(received());
      const reply = await pc('GET', `${BASE}/${id}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe(reply.body.eTag);
      expect((await pc('GET', `${BASE}/nope`)).status).toBe(404);
    });

    it('accept through PATCH: 200 with Prefer, the new ETag, closing date kept as a calendar date', async () => {
      const id = await seed(received());
      const reply = await patch(id, acceptOps);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        status: 'Active',
        substatus: 'Accepted',
        name: 'Contoso rollout',
        details: { dealValue: 50000, currency: 'EUR', closingDateTime: '2027-06-30' },
      });
      expect(reply.headers.get('etag')).toBe(reply.body.eTag);
    });

    it('without Prefer: 204 and an ETag header', async () => {
      const id = await seed(received());
      const reply = await call(service.url, 'PATCH', `${BASE}/${id}`, {
        token: admin,
        body: [{ op: 'replace', path: '/favorite', value: true }],
      });
      expect(reply.status).toBe(204);
      expect(reply.headers.get('etag')).toMatch(/^W\/"\d+"$/);
    });

    it('If-Match: the current ETag applies, a stale one is 412 and changes nothing', async () => {
      const id = await seed(received());
      const first = await pc('GET', `${BASE}/${id}`);
      const etag = String(first.headers.get('etag'));
      expect(
        (await patch(id, [{ op: 'replace', path: '/favorite', value: true }], { 'if-match': etag })).status,
      ).toBe(200);
      const stale = await patch(id, [{ op: 'replace', path: '/favorite', value: false }], {
        'if-match': etag,
      });
      expect(stale.status).toBe(412);
      expect((await pc('GET', `${BASE}/${id}`)).body.favorite).toBe(true);
    });

    it('accepts application/json-patch+json', async () => {
      const id = await seed(received());
      const response = await fetch(`${service.url}${BASE}/${id}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${admin}`,
          'content-type': 'application/json-patch+json',
          prefer: 'return=representation',
        },
        body: JSON.stringify([{ op: 'replace', path: '/favorite', value: true }]),
      });
      expect(response.status).toBe(200);
    });

    it('every lifecycle row through PATCH', async () => {
      const decline = [
        { op: 'replace', path: '/status', value: 'Closed' },
        { op: 'replace', path: '/substatus', value: 'Declined' },
        { op: 'replace', path: '/reasonCode', value: 3 },
      ];
      const won = [
        { op: 'replace', path: '/status', value: 'Closed' },
        { op: 'replace', path: '/substatus', value: 'Won' },
      ];
      const lost = [
        { op: 'replace', path: '/substatus', value: 'Lost' },
        { op: 'replace', path: '/statusReason', value: 'Budget insufficient' },
      ];
      // accept on Accepted/Won/Lost: noop (200, unchanged)
      const a = await seed(accepted());
      const noop = await patch(a, acceptOps.slice(0, 2));
      expect(noop.status).toBe(200);
      expect(noop.body.name).toBe('Deal');
      // accept on Declined: 409 already_declined
      expect(
        (await patch(await seed(makeReferral({ status: 'Closed', substatus: 'Declined' })), acceptOps)).body,
      ).toMatchObject({ error: 'already_declined' });
      // accept on Expired after the deadline: 409 expired
      const expired = await patch(
        await seed(makeReferral({ status: 'Closed', substatus: 'Expired', createdDateTime: at(30) })),
        acceptOps,
      );
      expect([expired.status, expired.body.error]).toEqual([409, 'expired']);
      // decline on Received → Declined with the reason label; on Declined/Expired → noop; on Accepted → 409
      const declined = await patch(await seed(received()), decline);
      expect(declined.body).toMatchObject({
        status: 'Closed',
        substatus: 'Declined',
        reasonCode: 3,
        statusReason: 'Customer chose another vendor',
      });
      expect(
        (await patch(await seed(makeReferral({ status: 'Closed', substatus: 'Expired' })), decline)).status,
      ).toBe(200);
      expect((await patch(await seed(accepted()), decline)).body).toMatchObject({
        error: 'already_accepted',
      });
      // markWon / markLost on Accepted → applied; same terminal → noop; the other → already_closed
      expect((await patch(await seed(accepted()), won)).body).toMatchObject({ substatus: 'Won' });
      const lostReply = await patch(await seed(accepted()), lost);
      expect(lostReply.body).toMatchObject({ substatus: 'Lost', reasonCode: 1 });
      expect(
        (await patch(await seed(makeReferral({ status: 'Closed', substatus: 'Won' })), won)).status,
      ).toBe(200);
      expect(
        (await patch(await seed(makeReferral({ status: 'Closed', substatus: 'Won' })), lost)).body,
      ).toMatchObject({ error: 'already_closed' });
      // edit deal on Accepted → applied; on Received → invalid_state (409); nothing partial on rejection
      const edited = await patch(await seed(accepted()), [
        { op: 'replace', path: '/details/dealValue', value: 77 },
        { op: 'replace', path: '/campaignId', value: 'CMP-1' },
      ]);
      expect(edited.body).toMatchObject({ details: { dealValue: 77 }, campaignId: 'CMP-1' });
      const r = await seed(received());
      const refused = await patch(r, [
        { op: 'replace', path: '/favorite', value: true },
        { op: 'replace', path: '/details/dealValue', value: 5 },
      ]);
      expect([refused.status, refused.body.error]).toEqual([409, 'invalid_state']);
      expect((await pc('GET', `${BASE}/${r}`)).body.favorite).toBe(false);
      // team add and notes on Accepted; notes allowed on a terminal referral; favorite anywhere
      const t = await patch(await seed(accepted()), [
        {
          op: 'add',
          path: '/team/-',
          value: { firstName: 'Tia', lastName: 'Team', email: 'tia@resource.example' },
        },
        { op: 'add', path: '/notes/-', value: { text: 'Called the customer' } },
      ]);
      expect((t.body.team as { email: string }[]).map((m) => m.email)).toContain('tia@resource.example');
      expect((t.body.notes as { text: string }[])[0]?.text).toBe('Called the customer');
      const term = await patch(await seed(makeReferral({ status: 'Closed', substatus: 'Lost' })), [
        { op: 'add', path: '/notes/-', value: 'post-mortem' },
        { op: 'replace', path: '/favorite', value: true },
      ]);
      expect(term.body).toMatchObject({ favorite: true });
      // the status cannot be set back to Received or to Expired by a client
      expect(
        (await patch(await seed(accepted()), [{ op: 'replace', path: '/substatus', value: 'Expired' }]))
          .status,
      ).toBe(422);
    });

    it('accept that misses deal fields is a 400 naming the path; unsupported ops and paths are 400 naming them', async () => {
      const id = await seed(received());
      const missing = await patch(id, acceptOps.slice(0, 2));
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body.details)).toContain('/details/dealValue');
      for (const [ops, named] of [
        [[{ op: 'remove', path: '/favorite' }], 'remove'],
        [[{ op: 'move', from: '/a', path: '/b' }], 'move'],
        [[{ op: 'replace', path: '/id', value: 'x' }], '/id'],
        [[{ op: 'replace', path: '/customerProfile/name', value: 'x' }], '/customerProfile/name'],
        [[{ op: 'replace', path: '/favorite', value: 'yes' }], '/favorite'],
        [
          [{ op: 'replace', path: '/details/currency', value: 'euro' }, ...acceptOps.slice(0, 4)],
          '/details/currency',
        ],
        [{ favorite: true }, 'JSON Patch'],
        [[], '(root)'],
      ] as const) {
        const reply = await patch(id, ops);
        expect(reply.status, JSON.stringify(ops)).toBe(400);
        expect(JSON.stringify(reply.body), JSON.stringify(ops)).toContain(named);
      }
      expect((await pc('GET', `${BASE}/${id}`)).body.substatus).toBe('Received');
    });

    it('a member may act on what they see; an accepting member joins the team; an invisible referral is 404', async () => {
      const id = await seed(received());
      const reply = await patch(id, acceptOps, {}, member);
      expect(reply.status).toBe(200);
      expect((reply.body.team as { email: string }[]).map((m) => m.email)).toContain(org.member.email);
      const hidden = await seed(accepted());
      expect(
        (await patch(hidden, [{ op: 'replace', path: '/favorite', value: true }], {}, member)).status,
      ).toBe(404);
      expect((await call(service.url, 'GET', `${BASE}/${hidden}`, { token: member })).status).toBe(404);
    });

    it('needs a bearer token', async () => {
      expect((await call(service.url, 'GET', BASE)).status).toBe(401);
      expect((await call(service.url, 'PATCH', `${BASE}/x`, { body: [] })).status).toBe(401);
    });
  });
});
