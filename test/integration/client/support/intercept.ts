import type { FetchLike } from '../../../../src-renderer/sync/http';

// A fetch that a test can intercept: each request goes through `handler`, which may answer
// itself (a fake 401/503), drop the request, or call the real fetch and drop the response.

export type Handler = (url: URL, init: RequestInit | undefined, real: FetchLike) => Promise<Response>;

export interface Intercept {
  fetch: FetchLike;
  handler: Handler | null;
  log: { method: string; path: string; status: number | 'dropped' }[];
}

export function intercept(): Intercept {
  const real: FetchLike = (input, init) => globalThis.fetch(input, init);
  const state: Intercept = {
    handler: null,
    log: [],
    fetch: async (input, init) => {
      const url = new URL(input);
      const entry: Intercept['log'][number] = {
        method: init?.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        status: 'dropped',
      };
      state.log.push(entry);
      const response = await (state.handler ? state.handler(url, init, real) : real(input, init));
      entry.status = response.status;
      return response;
    },
  };
  return state;
}

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const networkError = (): Promise<Response> =>
  Promise.reject(new TypeError('fetch failed (simulated)'));
