import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Access tokens are signed (HMAC-SHA256 with a per-database secret), not stored: every service
// process on the database can check them without a lookup, and they live only 15 minutes. The
// user row is still read per request, so a disabled user or a role change takes effect at once.
// Refresh tokens are opaque random strings stored as sha256 hashes and rotated on every use.

export interface AccessClaims {
  sub: string;
  org: string;
  exp: number;
}

const b64 = (buf: Buffer): string => buf.toString('base64url');

export function signAccessToken(secret: Buffer, claims: AccessClaims): string {
  const body = b64(Buffer.from(JSON.stringify({ v: 1, ...claims })));
  const mac = b64(createHmac('sha256', secret).update(body).digest());
  return `pda.${body}.${mac}`;
}

export type VerifyResult =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'expired' };

export function verifyAccessToken(secret: Buffer, token: string, nowMs = Date.now()): VerifyResult {
  const [prefix, body, mac] = token.split('.');
  if (prefix !== 'pda' || !body || !mac) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'malformed' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = claims as Partial<AccessClaims>;
  if (typeof c.sub !== 'string' || typeof c.org !== 'string' || typeof c.exp !== 'number')
    return { ok: false, reason: 'malformed' };
  if (c.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { sub: c.sub, org: c.org, exp: c.exp } };
}

export function newOpaqueToken(prefix: string): string {
  return `${prefix}${b64(randomBytes(32))}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
