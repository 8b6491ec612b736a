import type { FetchLike } from '../../../../src-renderer/sync/http';

// The fuzz test's nemesis: a fetch wrapper per device that drops requests, drops responses after
// the service committed, delivers a request twice, answers 401 or 503 itself, or plays offline.

export type Fault = 'drop-request' | 'drop-response' | 'duplicate' | '401' | '503';

export interface Nemesis {
  fetch: FetchLike;
  offline: boolean;
  /** Faults applied to the next requests, in order. */
  queue: Fault[];
  stats: Record<Fault | 'offline', number>;
}

const lost = () => Promise.reject(new TypeError('fetch failed (nemesis)'));
const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function nemesis(): Nemesis {
  const real: FetchLike = (input, init) => globalThis.fetch(input, init);
  const n: Nemesis = {
    offline: false,
    queue: [],
    stats: { 'drop-request': 0, 'drop-response': 0, duplicate: 0, '401': 0, '503': 0, offline: 0 },
    fetch: async (input, init) => {
      if (n.offline) {
        n.stats.offline++;
        return lost();
      }
      const fault = n.queue.shift();
      if (fault) n.stats[fault]++;
      switch (fault) {
        case 'drop-request':
          return lost();
        case 'drop-response': {
          const response = await real(input, init);
          await response.arrayBuffer(); // the service finished (and committed) before we drop it
          return lost();
        }
        case 'duplicate': {
          const [a, b] = await Promise.all([real(input, init), real(input, init)]);
          await a.arrayBuffer();
          return b;
        }
        case '401':
          return reply(401, { error: 'token_expired', message: 'nemesis' });
        case '503':
          return reply(503, { error: 'unavailable', message: 'nemesis', retryAfter: 1 });
        default:
          return real(input, init);
      }
    },
  };
  return n;
}
