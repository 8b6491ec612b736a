import { z } from 'zod';
import { createStore } from 'zustand/vanilla';

// The signed-in session: the service URL, the tokens and who the user is. One refresher for the
// whole device (a Web Lock around it), because the service rotates refresh tokens and revokes
// the whole family when a spent one is presented twice.

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().default(''),
  role: z.string().default('member'),
  organization: z.object({ id: z.string(), name: z.string().default('') }).prefault({ id: '' }),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionSchema = z.object({
  serviceUrl: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: z.string().nullable(),
  user: SessionUserSchema,
});
export type Session = z.infer<typeof SessionSchema>;

const TokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number(),
  user: SessionUserSchema,
});

/** Where the session is kept between runs (the desktop bridge, or the browser). */
export interface SessionVault {
  load(): Promise<Session | null>;
  save(session: Session): Promise<void>;
  clear(): Promise<void>;
}

export type SignInError = 'invalid_credentials' | 'unreachable' | 'invalid_input' | 'service_error';

export class SignInFailure extends Error {
  constructor(readonly code: SignInError) {
    super(code);
    this.name = 'SignInFailure';
  }
}

export interface SessionState {
  /** undefined while the vault is read at start. */
  session: Session | null | undefined;
  /** A refresh was refused: the user must sign in again (local work is kept). */
  expired: boolean;
}

export function normalizeServiceUrl(raw: string): string {
  const url = new URL(raw.trim());
  return url.origin + url.pathname.replace(/\/+$/, '');
}

const expiresAt = (expiresIn: number, nowMs: number) => new Date(nowMs + expiresIn * 1000).toISOString();

export function createSessionManager(vault: SessionVault, fetchFn: typeof fetch = (...a) => fetch(...a)) {
  const store = createStore<SessionState>(() => ({ session: undefined, expired: false }));
  let refreshing: Promise<string | null> | null = null;

  const set = async (session: Session) => {
    await vault.save(session);
    store.setState({ session, expired: false });
  };

  async function post(url: string, body: unknown): Promise<Response> {
    return fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function refreshNow(): Promise<string | null> {
    const current = (await vault.load()) ?? store.getState().session ?? null;
    if (!current) return null;
    const known = store.getState().session;
    // Another window refreshed while we waited for the lock: use its token.
    if (known && current.accessToken !== known.accessToken && isFresh(current)) {
      store.setState({ session: current });
      return current.accessToken;
    }
    let response: Response;
    try {
      response = await post(`${current.serviceUrl}/v1/auth/refresh`, { refreshToken: current.refreshToken });
    } catch {
      return current.accessToken; // offline: the request fails as a network error and is retried
    }
    if (response.status === 401 || response.status === 400) {
      store.setState({ expired: true });
      return null;
    }
    if (!response.ok) return current.accessToken;
    const parsed = TokenResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return current.accessToken;
    const next: Session = {
      ...current,
      accessToken: parsed.data.accessToken,
      refreshToken: parsed.data.refreshToken,
      accessTokenExpiresAt: expiresAt(parsed.data.expiresIn, Date.now()),
      user: parsed.data.user,
    };
    await set(next);
    return next.accessToken;
  }

  return {
    store,
    async restore(): Promise<void> {
      store.setState({ session: await vault.load().catch(() => null) });
    },
    async signIn(serviceUrl: string, email: string, password: string): Promise<Session> {
      let base: string;
      try {
        base = normalizeServiceUrl(serviceUrl);
      } catch {
        throw new SignInFailure('invalid_input');
      }
      let response: Response;
      try {
        response = await post(`${base}/v1/auth/token`, { email, password });
      } catch {
        throw new SignInFailure('unreachable');
      }
      if (response.status === 401) throw new SignInFailure('invalid_credentials');
      if (response.status === 400) throw new SignInFailure('invalid_input');
      const parsed = TokenResponseSchema.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success) throw new SignInFailure('service_error');
      const session: Session = {
        serviceUrl: base,
        accessToken: parsed.data.accessToken,
        refreshToken: parsed.data.refreshToken,
        accessTokenExpiresAt: expiresAt(parsed.data.expiresIn, Date.now()),
        user: parsed.data.user,
      };
      await set(session);
      return session;
    },
    async signOut(): Promise<void> {
      await vault.clear();
      store.setState({ session: null, expired: false });
    },
    /** The token port of the sync engine (and of import). */
    tokens: {
      async accessToken(): Promise<string | null> {
        const s = store.getState().session;
        return s && isFresh(s) ? s.accessToken : null;
      },
      refresh(): Promise<string | null> {
        refreshing ??= withLock(refreshNow).finally(() => (refreshing = null));
        return refreshing;
      },
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;

function isFresh(session: Session): boolean {
  if (!session.accessTokenExpiresAt) return true;
  return Date.parse(session.accessTokenExpiresAt) - Date.now() > 30_000;
}

function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('partner-desk-token-refresh', fn) as Promise<T>) : fn();
}
