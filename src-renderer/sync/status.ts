import { createStore, type StoreApi } from 'zustand/vanilla';

// The engine's own status (what the database cannot tell): connectivity, sign-in, progress of
// the first sync, the last error. Pending work and sync issues are read live from the database.

export type SyncPhase =
  'idle' | 'pushing' | 'pulling' | 'snapshot' | 'waiting-retry' | 'waiting-leader' | 'stopped';

export interface SyncStatus {
  online: boolean;
  phase: SyncPhase;
  /** The refresh failed: the user must sign in again; everything is kept meanwhile. */
  needsSignIn: boolean;
  /** Service time of the last pull that caught up. */
  lastSyncAt: string | null;
  firstSync: { done: boolean; received: number; total: number | null };
  error: { code: string; message: string } | null;
  nextRetryAt: string | null;
  /** This window's engine holds the device's sync lock. */
  leader: boolean;
}

export const INITIAL_STATUS: SyncStatus = {
  online: true,
  phase: 'idle',
  needsSignIn: false,
  lastSyncAt: null,
  firstSync: { done: false, received: 0, total: null },
  error: null,
  nextRetryAt: null,
  leader: false,
};

export type SyncStatusStore = StoreApi<SyncStatus>;

/** The UI's copy of the engine status, fed by the worker's status messages. */
export function createSyncStatusStore(initial: Partial<SyncStatus> = {}): SyncStatusStore {
  return createStore<SyncStatus>(() => ({ ...INITIAL_STATUS, ...initial }));
}
