import type { SessionTokens } from '../../src-shared/ipc';
import { AuthTokensSchema } from './protocol';
import type { FetchLike } from './http';
import type { TokenPort } from './ports';

// The window's token port, over the bridge: main keeps the session encrypted; the refresh is an
// HTTP call to the service whose result goes back to main. A failed refresh returns null, which
// the engine reports as "sign in again" while keeping every pending change.

export interface SessionStore {
  load(): Promise<SessionTokens | null>;
  save(tokens: SessionTokens): Promise<void>;
}

export function createSessionTokenPort(
  store: SessionStore,
  fetch: FetchLike = (i, init) => globalThis.fetch(i, init),
  nowMs: () => number = Date.now,
): TokenPort {
  let refreshing: Promise<string | null> | null = null;
  return {
    async accessToken() {
      const session = await store.load();
      if (!session) return null;
      const expires = session.accessTokenExpiresAt ? Date.parse(session.accessTokenExpiresAt) : Infinity;
      return expires > nowMs() + 10_000 ? session.accessToken : null;
    },
    refresh() {
      // One refresh at a time: refresh tokens rotate, a second concurrent use would be refused.
      refreshing ??= (async () => {
        const session = await store.load();
        if (!session) return null;
        try {
          const res = await fetch(new URL('/v1/auth/refresh', session.serviceUrl).toString(), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ refreshToken: session.refreshToken }),
          });
          if (!res.ok) return null;
          const parsed = AuthTokensSchema.safeParse(await res.json());
          if (!parsed.success) return null;
          const t = parsed.data;
          await store.save({
            ...session,
            accessToken: t.accessToken,
            refreshToken: t.refreshToken,
            accessTokenExpiresAt: new Date(nowMs() + t.expiresIn * 1000).toISOString(),
          });
          return t.accessToken;
        } catch {
          return null;
        }
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
}
