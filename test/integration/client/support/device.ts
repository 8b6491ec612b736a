// liveQuery only runs when a global indexedDB exists, whatever factory the Dexie instance uses
// (dexie/Dexie.js#2046): install one; each device still gets its own factory below.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { PartnerDeskDb } from '../../../../src-renderer/db/schema';
import { createActions } from '../../../../src-renderer/db/actions';
import { SyncHttp, type FetchLike } from '../../../../src-renderer/sync/http';
import { SyncEngine, type SyncEngineOptions } from '../../../../src-renderer/sync/engine';
import type { ClientTestService } from './service';
import { passwordTokens, type TestTokens } from './tokens';

// A simulated device: its own IndexedDB (a fake-indexeddb factory), the real engine code, real
// HTTP to the service through a fetch the test may wrap, and a clock that may be skewed.

export interface Device {
  name: string;
  db: PartnerDeskDb;
  tokens: TestTokens;
  http: SyncHttp;
  actions: ReturnType<typeof createActions>;
  /** Device clock skew (ms added to the real or simulated time). */
  skewMs: number;
  nowMs(): number;
  /** A new engine instance on the same database (what a restart does). */
  engine(extra?: Partial<SyncEngineOptions>): SyncEngine;
  /** Reopens the database (a killed process). */
  reopen(): void;
}

export async function makeDevice(
  service: ClientTestService,
  name: string,
  options: { fetch?: FetchLike; skewMs?: number; email?: string; password?: string } = {},
): Promise<Device> {
  const factory = new IDBFactory();
  const fetchRef: { current: FetchLike } = {
    current: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };
  const tokens = passwordTokens(
    service.url,
    options.email ?? service.admin.email,
    options.password ?? service.admin.password,
    () => fetchRef.current,
  );
  await tokens.signIn();
  const device: Device = {
    name,
    db: new PartnerDeskDb(`pd-${name}`, { indexedDB: factory, IDBKeyRange }),
    tokens,
    http: null as unknown as SyncHttp,
    actions: null as unknown as ReturnType<typeof createActions>,
    skewMs: options.skewMs ?? 0,
    nowMs: () => (service.clock ? service.clock.nowMs : Date.now()) + device.skewMs,
    engine: (extra = {}) =>
      new SyncEngine({
        db: device.db,
        http: device.http,
        nowMs: () => device.nowMs(),
        random: () => 0.5,
        ...extra,
      }),
    reopen() {
      device.db.close();
      device.db = new PartnerDeskDb(`pd-${name}`, { indexedDB: factory, IDBKeyRange });
      device.actions = createActions(device.db, { now: () => new Date(device.nowMs()) });
    },
  };
  device.http = new SyncHttp({
    baseUrl: service.url,
    fetch: (i, init) => fetchRef.current(i, init),
    tokens,
    nowMs: () => device.nowMs(),
  });
  device.actions = createActions(device.db, { now: () => new Date(device.nowMs()) });
  return device;
}
