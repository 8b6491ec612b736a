import type { SessionManager } from './session';

/** A fetch to the service with the session's bearer token; one refresh and retry on 401. */
export async function authorizedFetch(
  manager: SessionManager,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const session = manager.store.getState().session;
  if (!session) throw new Error('not signed in');
  const call = (token: string | null) =>
    fetch(`${session.serviceUrl}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  let token = (await manager.tokens.accessToken()) ?? (await manager.tokens.refresh());
  let response = await call(token);
  if (response.status === 401) {
    token = await manager.tokens.refresh();
    if (token) response = await call(token);
  }
  return response;
}
