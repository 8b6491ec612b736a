import type { SyncHttp } from './http';
import { backoffMs, sleep } from './backoff';

// The live poke: GET /v1/sync/events read with fetch (not EventSource) so that the bearer token
// goes in a header, a 401 can refresh it, and the same code runs in a worker and in Node. Events
// carry no data; each `poke` just asks the engine for a round. Reconnects with backoff.

export async function listenForPokes(
  http: SyncHttp,
  onPoke: () => void,
  signal: AbortSignal,
  random: () => number = Math.random,
): Promise<void> {
  let failures = 0;
  const never = new Promise<void>(() => undefined);
  while (!signal.aborted) {
    try {
      const token = (await http.tokens.accessToken()) ?? (await http.tokens.refresh());
      if (token) {
        const response = await http.fetch(http.url('/v1/sync/events'), {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal,
        });
        if (response.status === 401) await http.tokens.refresh();
        else if (response.ok && response.body) {
          failures = 0;
          // A (re)connection may have missed pokes: ask for a round.
          onPoke();
          await readEvents(response.body, (event) => {
            if (event === 'poke') onPoke();
          });
        }
      }
    } catch {
      // The network went away or the signal aborted: reconnect below (or stop).
    }
    if (signal.aborted) return;
    failures++;
    await sleep(backoffMs(failures, 3000, random), never, signal);
  }
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (name: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const name = /^event:\s*(.*)$/m.exec(block)?.[1]?.trim();
      if (name) onEvent(name);
    }
  }
}
