import { AuthTokensSchema } from '../../../../src-renderer/sync/protocol';
import type { TokenPort } from '../../../../src-renderer/sync/ports';
import type { FetchLike } from '../../../../src-renderer/sync/http';

// A token port that signs in with a password and refreshes over HTTP: what the bridge does in
// the app. `signIn` is the user typing the password again after "sign in again".

export interface TestTokens extends TokenPort {
  signIn(): Promise<void>;
  /** Forget the access token (as if it expired), keeping the refresh token. */
  dropAccessToken(): void;
}

export function passwordTokens(
  url: string,
  email: string,
  password: string,
  fetch: () => FetchLike = () => globalThis.fetch,
): TestTokens {
  let access: string | null = null;
  let refreshToken: string | null = null;
  const post = async (path: string, body: unknown) => {
    const res = await fetch()(new URL(path, url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) return null;
    const parsed = AuthTokensSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  };
  return {
    accessToken: async () => access,
    async refresh() {
      if (!refreshToken) return null;
      const tokens = await post('/v1/auth/refresh', { refreshToken }).catch(() => null);
      if (!tokens) return null;
      access = tokens.accessToken;
      refreshToken = tokens.refreshToken;
      return access;
    },
    async signIn() {
      const tokens = await globalThis
        .fetch(new URL('/v1/auth/token', url).toString(), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
        .then(async (r) => AuthTokensSchema.parse(await r.json()));
      access = tokens.accessToken;
      refreshToken = tokens.refreshToken;
    },
    dropAccessToken() {
      access = null;
    },
  };
}
