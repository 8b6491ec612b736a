import type { Referral } from '../../src-shared';
import type { SyncStatus } from './status';

// Messages between a window and its sync worker. Structured clone carries them; both ends are
// our own code in the same build, so the types are the contract.

export type ToWorker =
  | { type: 'start'; dbName: string; serviceUrl: string }
  | { type: 'trigger'; reason: 'online' | 'focus' | 'sync-now' }
  | { type: 'offline' }
  | { type: 'signed-in' }
  | { type: 'stop' }
  | { type: 'token-reply'; id: number; token: string | null };

export type FromWorker =
  | { type: 'status'; status: SyncStatus }
  | { type: 'new-referrals'; referrals: Referral[] }
  | { type: 'token-request'; id: number; kind: 'access' | 'refresh' }
  | { type: 'stopped' }
  | { type: 'crashed'; message: string };
