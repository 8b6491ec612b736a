import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import { HttpError, parseInput } from '../http/errors';
import { findOrganization, findUserForSignIn, loadPrincipal, type Principal } from './identity-repo';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { newOpaqueToken, sha256, signAccessToken } from './tokens';

// POST /v1/auth/token and /v1/auth/refresh (sync-protocol.md section 2).

const TokenBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
const RefreshBody = z.object({ refreshToken: z.string().min(1).max(512) });

async function issueTokens(ctx: ServiceContext, principal: Principal, family: string) {
  const nowMs = ctx.now().getTime();
  const ttl = ctx.config.accessTokenTtlSeconds;
  const accessToken = signAccessToken(ctx.meta.tokenSecret, {
    sub: principal.userId,
    org: principal.orgId,
    exp: Math.floor(nowMs / 1000) + ttl,
  });
  const refreshToken = newOpaqueToken('pdr_');
  const expiresAt = new Date(nowMs + ctx.config.refreshTokenTtlDays * 86_400_000);
  await ctx.db.query(
    'INSERT INTO refresh_tokens (token_hash, user_id, family, expires_at) VALUES ($1, $2, $3, $4)',
    [sha256(refreshToken), principal.userId, family, expiresAt.toISOString()],
  );
  const org = await findOrganization(ctx.db, principal.orgId);
  return {
    accessToken,
    refreshToken,
    expiresIn: ttl,
    tokenType: 'Bearer',
    user: {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      role: principal.role,
      organization: { id: principal.orgId, name: org?.name ?? '' },
    },
  };
}

const badCredentials = () => new HttpError(401, 'invalid_credentials', 'The email or password is wrong.');

/** Attempts are counted per client address and email, so one guessed account cannot be hammered. */
function signInKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `sign-in:${request.ip}:${email}`;
}

async function registerSignIn(scope: FastifyInstance, ctx: ServiceContext): Promise<void> {
  await scope.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `Too many sign-in attempts; retry in ${context.after}.`, {
        retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
  const limit = { max: ctx.config.signInAttemptsPerMinute, timeWindow: 60_000, keyGenerator: signInKey };
  scope.post('/v1/auth/token', { config: { rateLimit: limit } }, async (request) => {
    const body = parseInput(TokenBody, request.body);
    const user = await findUserForSignIn(ctx.db, body.email);
    // Always run scrypt, so an unknown email takes as long as a wrong password.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw badCredentials();
    return issueTokens(ctx, user, randomUUID());
  });
}

export function registerAuthRoutes(server: FastifyInstance, ctx: ServiceContext): void {
  server.register(async (scope) => registerSignIn(scope, ctx));

  server.post('/v1/auth/refresh', async (request) => {
    const body = parseInput(RefreshBody, request.body);
    const hash = sha256(body.refreshToken);
    // Rotation: the token is spent by this conditional update; only one caller can win it.
    const spent = await ctx.db.query<{ user_id: string; family: string }>(
      `UPDATE refresh_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND NOT revoked AND expires_at > $2
        RETURNING user_id, family`,
      [hash, ctx.now().toISOString()],
    );
    const row = spent[0];
    if (!row) {
      // A spent token presented again means it leaked: revoke its whole family.
      await ctx.db.query(
        'UPDATE refresh_tokens SET revoked = true WHERE family IN (SELECT family FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL)',
        [hash],
      );
      throw new HttpError(401, 'invalid_refresh_token', 'The refresh token is not valid; sign in again.');
    }
    const orgRows = await ctx.db.query<{ org_id: string }>('SELECT org_id FROM users WHERE id = $1', [
      row.user_id,
    ]);
    const principal = orgRows[0] ? await loadPrincipal(ctx.db, row.user_id, orgRows[0].org_id) : null;
    if (!principal)
      throw new HttpError(401, 'invalid_refresh_token', 'The user no longer exists or is disabled.');
    return issueTokens(ctx, principal, row.family);
  });
}
