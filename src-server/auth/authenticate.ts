import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context';
import { HttpError } from '../http/errors';
import { loadPrincipal, type Principal } from './identity-repo';
import { verifyAccessToken } from './tokens';

// Every /v1 route starts here: a bearer token (or `?access_token=` where EventSource cannot set a
// header) becomes the calling user, read fresh from the database.

const unauthorized = (message: string, code = 'unauthorized'): HttpError => new HttpError(401, code, message);

function tokenOf(request: FastifyRequest, allowQueryToken: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1] ?? null;
  }
  if (allowQueryToken) {
    const value = (request.query as Record<string, unknown> | undefined)?.['access_token'];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

export async function authenticate(
  ctx: ServiceContext,
  request: FastifyRequest,
  options: { allowQueryToken?: boolean } = {},
): Promise<Principal> {
  const token = tokenOf(request, options.allowQueryToken ?? false);
  if (token === null) throw unauthorized('Sign in first: send `Authorization: Bearer <accessToken>`.');
  const verified = verifyAccessToken(ctx.meta.tokenSecret, token, ctx.now().getTime());
  if (!verified.ok) {
    throw verified.reason === 'expired'
      ? unauthorized('The access token has expired; refresh it.', 'token_expired')
      : unauthorized('The access token is not valid.');
  }
  const principal = await loadPrincipal(ctx.db, verified.claims.sub, verified.claims.org);
  if (!principal) throw unauthorized('The user no longer exists or is disabled.');
  return principal;
}

export function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only an administrator may do this.');
}
