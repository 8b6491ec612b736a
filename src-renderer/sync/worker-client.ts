import type { Referral } from '../../src-shared';
import type { TokenPort } from './ports';
import { createSyncStatusStore, type SyncStatusStore } from './status';
import type { FromWorker, ToWorker } from './worker-protocol';
import { requestPersistentStorage } from './storage';

// The window's side of the sync worker: starts it, answers its token requests through the
// window's token port (the bridge), forwards online/offline/focus, and feeds the status store.

export interface SyncClientOptions {
  serviceUrl: string;
  dbName?: string;
  tokens: TokenPort;
  onNewReferrals?: (referrals: Referral[]) => void;
  store?: SyncStatusStore;
  /** Injected in tests; the app uses the bundled worker. */
  createWorker?: () => Worker;
}

export interface SyncClient {
  store: SyncStatusStore;
  syncNow(): void;
  /** Call after the user signed in again (the token port has fresh tokens). */
  signedIn(): void;
  stop(): void;
}

export function startSync(options: SyncClientOptions): SyncClient {
  const store = options.store ?? createSyncStatusStore();
  const worker =
    options.createWorker?.() ??
    new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'partner-desk-sync' });
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    switch (message.type) {
      case 'status':
        store.setState(message.status, true);
        break;
      case 'new-referrals':
        options.onNewReferrals?.(message.referrals);
        break;
      case 'token-request': {
        const get = message.kind === 'access' ? options.tokens.accessToken() : options.tokens.refresh();
        void get.catch(() => null).then((token) => send({ type: 'token-reply', id: message.id, token }));
        break;
      }
      case 'crashed':
        store.setState({ error: { code: 'crashed', message: message.message } });
        break;
      case 'stopped':
        break;
    }
  };
  const online = () => send({ type: 'trigger', reason: 'online' });
  const offline = () => send({ type: 'offline' });
  const focus = () => send({ type: 'trigger', reason: 'focus' });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  window.addEventListener('focus', focus);
  void requestPersistentStorage();
  send({ type: 'start', dbName: options.dbName ?? 'partner-desk', serviceUrl: options.serviceUrl });
  return {
    store,
    syncNow: () => send({ type: 'trigger', reason: 'sync-now' }),
    signedIn: () => send({ type: 'signed-in' }),
    stop() {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('focus', focus);
      send({ type: 'stop' });
      worker.terminate();
    },
  };
}
