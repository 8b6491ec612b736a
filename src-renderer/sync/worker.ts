/// <reference lib="webworker" />
import { PartnerDeskDb } from '../db/schema';
import { SyncEngine } from './engine';
import { SyncHttp } from './http';
import { listenForPokes } from './events';
import { createMemoryLocks, type LockPort, type TokenPort } from './ports';
import type { FromWorker, ToWorker } from './worker-protocol';

// The sync worker's entry: builds the engine on this window's database, competes for the device's
// lock (one leader across windows), listens for pokes, and asks the window for tokens (the window
// owns the bridge). When this window closes, the browser ends the worker and frees the lock.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

let engine: SyncEngine | null = null;
let stop: AbortController | null = null;
let nextId = 1;
const waiting = new Map<number, (token: string | null) => void>();

const tokens: TokenPort = {
  accessToken: () => ask('access'),
  refresh: () => ask('refresh'),
};

function ask(kind: 'access' | 'refresh'): Promise<string | null> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ type: 'token-request', id, kind });
  });
}

function locks(): LockPort {
  // navigator.locks is in every browser we ship to; the fallback keeps tests of odd hosts working.
  const native = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!native) return createMemoryLocks();
  return { request: (name, callback) => native.request(name, callback) as Promise<never> };
}

function start(dbName: string, serviceUrl: string): void {
  if (engine) return;
  // Relaxed durability for the engine's own connection only: its transactions stay atomic, and a
  // commit lost to a power cut is downloaded or replayed again. The window's connection, which
  // writes the user's outbox rows, keeps the default (flushed) durability.
  const db = new PartnerDeskDb(dbName, { chromeTransactionDurability: 'relaxed' });
  const http = new SyncHttp({ baseUrl: serviceUrl, fetch: (input, init) => fetch(input, init), tokens });
  stop = new AbortController();
  const signal = stop.signal;
  const current = new SyncEngine({
    db,
    http,
    onStatus: (status) => post({ type: 'status', status }),
    notify: { newReferrals: (referrals) => post({ type: 'new-referrals', referrals }) },
  });
  engine = current;
  current
    .runAsLeader(locks(), signal)
    .then(() => post({ type: 'stopped' }))
    .catch((error: unknown) =>
      post({ type: 'crashed', message: error instanceof Error ? error.message : String(error) }),
    );
  // Pokes matter only to the leader, but listening is cheap and survives a change of leader.
  void listenForPokes(http, () => current.requestSync(), signal);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      start(message.dbName, message.serviceUrl);
      break;
    case 'trigger':
      engine?.setOnline(true);
      engine?.requestSync();
      break;
    case 'offline':
      engine?.setOnline(false);
      break;
    case 'signed-in':
      engine?.signedIn();
      break;
    case 'stop':
      stop?.abort();
      break;
    case 'token-reply':
      waiting.get(message.id)?.(message.token);
      waiting.delete(message.id);
      break;
  }
};
