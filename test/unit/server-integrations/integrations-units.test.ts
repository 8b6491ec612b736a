import { createHmac } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReferralSchema } from '../../../src-shared/index';
import {
  formatMember,
  fromUsDate,
  parseMembers,
  referralToRow,
  HEADERS,
  toUsDate,
} from '../../../src-shared/partner-center-csv';
import { readCsv } from '../../../src-server/csv/csv-import';
import { rowToReferral } from '../../../src-server/csv/csv-row';
import { decodeLeadBody, storableJson } from '../../../src-server/intake/raw-body';
import { planPatch } from '../../../src-server/resource-api/json-patch';
import { compileFilter } from '../../../src-server/resource-api/odata-filter';
import { intentsOf } from '../../../src-server/resource-api/patch-intents';
import { eTagMatches } from '../../../src-server/resource-api/patch-referral';
import { backoffMs } from '../../../src-server/webhooks/outbound-queue';
import { loadSecretKey, SecretBox } from '../../../src-server/webhooks/secret-box';
import { signatureOf } from '../../../src-server/webhooks/webhook-sink';

// Pure parts of the integration channels: the $filter compiler, JSON Patch → intents, CSV columns,
// intake body decoding, backoff, signatures and the secret box.

const referral = (extra: Record<string, unknown> = {}) =>
  ReferralSchema.parse({
    id: 'r1',
    createdDateTime: '2026-01-01T00:00:00Z',
    updatedDateTime: '2026-01-01T00:00:00Z',
    ...extra,
  });

describe('$filter compiler', () => {
  it('compiles comparisons, and/or and parentheses into placeholders', () => {
    const c = compileFilter(
      "(status eq 'New' or favorite eq true) and updatedDateTime gt 2026-01-01T00:00:00Z",
      3,
    );
    expect(c.sql).toBe(
      '((r.status = $3::text OR r.favorite = $4::boolean) AND r.updated_at > $5::timestamptz)',
    );
    expect(c.params).toEqual(['New', true, '2026-01-01T00:00:00.000Z']);
  });

  it('never puts a quoted value into the SQL text', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const quoted = `'${value.replace(/'/g, "''")}'`;
        const c = compileFilter(`status eq ${quoted} and substatus ne ${quoted}`, 1);
        expect(c.sql).toBe('(r.status = $1::text AND r.substatus <> $2::text)');
        expect(c.params).toEqual([value, value]);
      }),
    );
  });

  it('rejects anything outside the subset with a 400 naming $filter', () => {
    for (const bad of [
      'status',
      "status eq 'a' and",
      'name eq 1',
      "status like 'a'",
      "status eq 'a' ; drop",
      'favorite gt true',
      '(((',
    ])
      expect(() => compileFilter(bad, 1), bad).toThrow(
        expect.objectContaining({
          statusCode: 400,
          extra: { details: [expect.objectContaining({ field: '$filter' })] },
        }),
      );
  });
});

describe('JSON Patch → intents', () => {
  it('folds deal fields and team into accept, then closes last', () => {
    const plan = planPatch([
      { op: 'replace', path: '/substatus', value: 'Accepted' },
      { op: 'replace', path: '/name', value: 'Deal' },
      { op: 'replace', path: '/details/dealValue', value: 10 },
      { op: 'replace', path: '/details/currency', value: 'USD' },
      { op: 'replace', path: '/details/closingDateTime', value: '2027-01-01' },
      { op: 'add', path: '/team/-', value: { email: 'a@b.example' } },
      { op: 'replace', path: '/favorite', value: true },
    ]);
    expect(intentsOf(plan, referral(), 4).map((i) => i.name)).toEqual(['accept', 'setFavorite']);
  });

  it('maps a reason label to its code and names bad paths', () => {
    const plan = planPatch([
      { op: 'replace', path: '/substatus', value: 'Declined' },
      { op: 'replace', path: '/statusReason', value: 'Timeline too short' },
    ]);
    const [decline] = intentsOf(plan, referral(), 1);
    expect(decline).toMatchObject({ name: 'decline', args: { reasonCode: 6 } });
    expect(() => planPatch([{ op: 'test', path: '/a', value: 1 }])).toThrow(/test/);
    expect(() => planPatch([{ op: 'replace', path: '/eTag', value: 1 }])).toThrow(/\/eTag/);
  });

  it('refuses to remove team members through a /team replace', () => {
    const plan = planPatch([{ op: 'replace', path: '/team', value: [] }]);
    expect(() =>
      intentsOf(
        plan,
        referral({ status: 'Active', substatus: 'Accepted', team: [{ email: 'x@y.example' }] }),
        1,
      ),
    ).toThrow(/removed/);
  });

  it('compares ETags weakly and honours *', () => {
    expect(eTagMatches('W/"5"', 'W/"5"')).toBe(true);
    expect(eTagMatches('"5"', 'W/"5"')).toBe(true);
    expect(eTagMatches('W/"4", W/"5"', 'W/"5"')).toBe(true);
    expect(eTagMatches('*', 'W/"9"')).toBe(true);
    expect(eTagMatches('W/"4"', 'W/"5"')).toBe(false);
  });
});

describe('CSV columns', () => {
  it('writes and reads UTC MM/DD/YYYY dates without shifting a day', () => {
    expect(toUsDate('2027-12-31')).toBe('12/31/2027');
    expect(toUsDate('2026-01-05T23:59:59Z')).toBe('01/05/2026');
    expect(fromUsDate('12/31/2027')).toBe('2027-12-31');
    expect(fromUsDate('2/3/2027')).toBe('2027-02-03');
    expect(fromUsDate('02/30/2027')).toBeNull();
    expect(fromUsDate('31/12/2027')).toBeNull();
  });

  it('round-trips team members and a referral through a row', () => {
    const members = [{ firstName: 'Ann', lastName: 'Lee Smith', email: 'ann@x.example', phoneNumber: '' }];
    expect(parseMembers(members.map(formatMember).join('; '))).toEqual({ members });
    const r = referral({
      customerProfile: { name: 'Acme' },
      name: 'Deal',
      status: 'Active',
      substatus: 'Accepted',
      team: members,
      details: { dealValue: 12.5, currency: 'EUR', closingDateTime: '2027-05-01' },
      reasonCode: null,
    });
    const record = Object.fromEntries(HEADERS.map((h, i) => [h, referralToRow(r)[i] ?? '']));
    const back = rowToReferral(record, r.id, null, '2026-02-01T00:00:00.000Z');
    expect(back.ok && back.referral).toMatchObject({
      name: 'Deal',
      team: members,
      details: { dealValue: 12.5, currency: 'EUR', closingDateTime: '2027-05-01' },
    });
  });

  it('treats a missing required column as structural', () => {
    expect(() => readCsv('Referral ID,Customer name,Status\r\na,b,New')).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'missing_columns' }),
    );
  });
});

describe('intake body decoding', () => {
  it('makes any JSON storable as jsonb (no NUL, no lone surrogate) and bounds the depth', () => {
    expect(storableJson({ 'a\u0000': 'x\ud800y' })).toEqual({ 'a\uFFFD': 'x\uFFFDy' });
    const proto = storableJson(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(decodeLeadBody(Buffer.from('['.repeat(100) + ']'.repeat(100)), 'application/json')).toEqual({
      ok: false,
      reason: 'too_deep',
    });
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const decoded = decodeLeadBody(Buffer.from(JSON.stringify(v) ?? 'null'), 'application/json');
        if (decoded.ok)
          expect(JSON.stringify(decoded.value)).not.toMatch(/\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
      }),
    );
  });
});

describe('outbound delivery', () => {
  it('backs off exponentially with jitter inside [delay/2, delay], capped', () => {
    const s = { retryBaseMs: 1000, retryMaxMs: 8000 };
    expect(backoffMs(1, s, () => 0)).toBe(500);
    expect(backoffMs(1, s, () => 1)).toBe(1000);
    expect(backoffMs(3, s, () => 1)).toBe(4000);
    expect(backoffMs(10, s, () => 1)).toBe(8000);
  });

  it('signs the timestamp and the body with HMAC-SHA256', () => {
    expect(signatureOf('k', '1700000000', '{"a":1}')).toBe(
      `sha256=${createHmac('sha256', 'k').update('1700000000.{"a":1}').digest('hex')}`,
    );
  });

  it('seals secrets with AES-256-GCM under a key file created with mode 0600', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-key-'));
    const key = loadSecretKey(undefined, dir);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(undefined, dir).equals(key)).toBe(true);
    const box = new SecretBox(key);
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('whsec');
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(() =>
      new SecretBox(loadSecretKey(Buffer.alloc(32, 1).toString('base64'), dir)).open(sealed),
    ).toThrow();
    expect(() => loadSecretKey('too-short', dir)).toThrow(/32 bytes/);
  });
});
