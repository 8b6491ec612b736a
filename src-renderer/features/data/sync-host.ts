import { SyncEngine } from '../../sync/engine';
import { SyncHttp } from '../../sync/http';
import { listenForPokes } from '../../sync/events';
import { createMemoryLocks, type LockPort, type NotifyPort } from '../../sync/ports';
import { createSyncStatusStore, type SyncStatusStore } from '../../sync/status';
import type { PartnerDeskDb } from '../../db/schema';
import type { TokenPort } from '../../sync/ports';

// INTERIM host of the sync engine on the page's thread, until the engine's Web Worker host lands
// in src-renderer/sync: the UI talks only to this handle, so swapping the host changes nothing else.

export interface SyncHandle {
  status: SyncStatusStore;
  requestSync(): void;
  /** The user signed in again after the session expired. */
  signedIn(): void;
  stop(): void;
}

/** Creates the handle at once (the UI can read its status); start/stop may run more than once. */
export function createSyncHost(options: {
  db: PartnerDeskDb;
  serviceUrl: string;
  tokens: TokenPort;
  notify?: NotifyPort;
}): SyncHandle & { start(): void } {
  const status = createSyncStatusStore({ online: navigator.onLine });
  const http = new SyncHttp({
    baseUrl: options.serviceUrl,
    fetch: (input, init) => fetch(input, init),
    tokens: options.tokens,
  });
  const engine = new SyncEngine({
    db: options.db,
    http,
    onStatus: (s) => status.setState(s, true),
    ...(options.notify ? { notify: options.notify } : {}),
  });
  const locks: LockPort = navigator.locks
    ? { request: (name, callback) => navigator.locks.request(name, callback) }
    : createMemoryLocks();
  const online = () => engine.setOnline(true);
  const offline = () => engine.setOnline(false);
  const focus = () => engine.requestSync();
  let abort: AbortController | null = null;
  return {
    status,
    requestSync: () => engine.requestSync(),
    signedIn: () => engine.signedIn(),
    start() {
      if (abort) return;
      abort = new AbortController();
      engine
        .runAsLeader(locks, abort.signal)
        .catch((error: unknown) => console.error('sync engine stopped', error));
      // The service's content-free poke: another device changed something, pull now.
      void listenForPokes(http, () => engine.requestSync(), abort.signal);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      window.addEventListener('focus', focus);
      if (!navigator.onLine) engine.setOnline(false);
    },
    stop() {
      abort?.abort();
      abort = null;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('focus', focus);
    },
  };
}
