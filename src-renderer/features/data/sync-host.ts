import type { Referral } from '../../../src-shared';
import { startSync, type SyncClient } from '../../sync/worker-client';
import { createSyncStatusStore, type SyncStatusStore } from '../../sync/status';
import type { TokenPort } from '../../sync/ports';

// The UI's handle on the sync engine, which runs in its Web Worker (src-renderer/sync). The status
// store exists before the worker starts, so screens can subscribe at once; start/stop may run
// more than once (React's strict mode mounts effects twice in development).

export interface SyncHandle {
  status: SyncStatusStore;
  requestSync(): void;
  /** The user signed in again after the session expired. */
  signedIn(): void;
  stop(): void;
}

export function createSyncHost(options: {
  serviceUrl: string;
  /** The one token port of the window: the worker asks it, so refresh tokens rotate in one place. */
  tokens: TokenPort;
  onNewReferrals?: (referrals: Referral[]) => void;
}): SyncHandle & { start(): void } {
  const status = createSyncStatusStore({ online: navigator.onLine });
  let client: SyncClient | null = null;
  return {
    status,
    requestSync: () => client?.syncNow(),
    signedIn: () => client?.signedIn(),
    start() {
      client ??= startSync({
        serviceUrl: options.serviceUrl,
        tokens: options.tokens,
        store: status,
        ...(options.onNewReferrals ? { onNewReferrals: options.onNewReferrals } : {}),
      });
    },
    stop() {
      client?.stop();
      client = null;
    },
  };
}
