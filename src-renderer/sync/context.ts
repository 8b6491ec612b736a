import type { PartnerDeskDb } from '../db/schema';
import type { SyncHttp } from './http';
import type { FaultHook, NotifyPort } from './ports';
import type { SyncStatus } from './status';

/** What push, pull and snapshot share: the database, the transport and the host's hooks. */
export interface EngineContext {
  db: PartnerDeskDb;
  http: SyncHttp;
  deviceId: string;
  /** The device clock, in ms. */
  nowMs: () => number;
  fault: FaultHook;
  notify: NotifyPort | null;
  setStatus: (patch: Partial<SyncStatus>) => void;
}
