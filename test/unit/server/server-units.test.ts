import { describe, expect, it } from 'vitest';
import { stageOf, tabOf } from '../../../src-shared/index';
import { hashPassword, verifyPassword } from '../../../src-server/auth/passwords';
import { signAccessToken, verifyAccessToken } from '../../../src-server/auth/tokens';
import { loadMigrations, splitStatements } from '../../../src-server/db/migrate';
import { isTransientDatabaseError, TransientDatabaseError } from '../../../src-server/db/errors';
import { demoReferrals } from '../../../src-server/demo/demo-referrals';
import { decodeCursor, encodeCursor } from '../../../src-server/sync/cursor';

// Pure pieces of the service: cursors, tokens, passwords, migrations, error classes, demo data.

describe('service units', () => {
  it('cursors round-trip and anything else decodes to null (→ reset)', () => {
    const cursor = { epoch: 'e1', orgId: 'o', scope: 'a', version: 42, afterId: null };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, afterId: 'x' }))?.afterId).toBe('x');
    for (const bad of [
      '',
      'garbage',
      Buffer.from('[2,"e",1]').toString('base64url'),
      Buffer.from('[1,"e","o","a",-1,null]').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it('access tokens verify, expire and refuse tampering', () => {
    const secret = Buffer.alloc(32, 7);
    const token = signAccessToken(secret, { sub: 'u', org: 'o', exp: 2_000 });
    expect(verifyAccessToken(secret, token, 1_000_000)).toEqual({
      ok: true,
      claims: { sub: 'u', org: 'o', exp: 2_000 },
    });
    expect(verifyAccessToken(secret, token, 2_000_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAccessToken(Buffer.alloc(32, 8), token, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAccessToken(secret, `${token}x`, 0).ok).toBe(false);
  });

  it('passwords hash with a random salt and verify only the right one', async () => {
    const a = await hashPassword('s3cret-pass');
    const b = await hashPassword('s3cret-pass');
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-pass', a)).toBe(true);
    expect(await verifyPassword('wrong', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('migrations are numbered uniquely, core below 050, and split into statements', () => {
    const migrations = loadMigrations();
    expect(migrations[0]?.version).toBe(1);
    expect(migrations.filter((m) => m.version < 50).every((m) => m.sql.length > 0)).toBe(true);
    expect(splitStatements('-- c\nCREATE TABLE a (x int);\n\nCREATE INDEX i ON a (x);\n')).toEqual([
      'CREATE TABLE a (x int)',
      'CREATE INDEX i ON a (x)',
    ]);
  });

  it('classifies transient database errors', () => {
    expect(isTransientDatabaseError(new TransientDatabaseError('x'))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isTransientDatabaseError(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
  });

  it('demo data is deterministic and covers every tab, stage, currency and marketplace action', () => {
    const opts = {
      count: 500,
      seed: 1,
      now: '2026-06-01T12:00:00.000Z',
      partnerTeam: [{ firstName: 'M', lastName: 'M', email: 'member@contoso.example', phoneNumber: '' }],
      partnerName: 'Contoso',
    };
    const a = demoReferrals(opts);
    const b = demoReferrals(opts);
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    expect(new Set(a.map((r) => r.id)).size).toBe(500);
    expect(new Set(a.map(tabOf))).toEqual(new Set(['marketplace', 'qualified', 'cosell']));
    expect(new Set(a.map(stageOf))).toEqual(new Set(['received', 'accepted', 'archived']));
    expect(new Set(a.map((r) => r.substatus))).toEqual(
      new Set(['Received', 'Pending', 'Accepted', 'Won', 'Lost', 'Declined', 'Expired']),
    );
    expect(new Set(a.map((r) => r.qualification))).toEqual(
      new Set(['Direct', 'MarketingQualified', 'SalesQualified', 'None']),
    );
    const currencies = new Set(a.map((r) => r.details.currency).filter(Boolean));
    for (const c of ['USD', 'EUR', 'SEK', 'GBP']) expect(currencies).toContain(c);
    const actions = new Set(a.flatMap((r) => r.marketplace?.actions.map((x) => x.action) ?? []));
    expect(actions).toEqual(new Set(['INS', 'PLT', 'DNC', 'Create', 'StartTestDrive']));
    expect(a.some((r) => r.marketplace?.isTest)).toBe(true);
    const now = Date.parse(opts.now);
    const received = a.filter((r) => stageOf(r) === 'received');
    const deadline = (r: (typeof a)[number]) =>
      Date.parse(r.expirationDateTime ?? r.createdDateTime) + (r.expirationDateTime ? 0 : 14 * 86_400_000);
    expect(received.every((r) => deadline(r) > now)).toBe(true);
    expect(received.filter((r) => deadline(r) - now < 3 * 86_400_000).length).toBeGreaterThan(10);
    const contactMe = received.filter(
      (r) =>
        (r.details.customerRequestedContact || r.marketplace?.leadSource.action === 'PLT') &&
        now - Date.parse(r.createdDateTime) < 72 * 3_600_000,
    );
    expect(contactMe.length).toBeGreaterThan(3);
  });
});
