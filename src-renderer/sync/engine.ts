import { liveQuery, type Subscription } from 'dexie';
import type { PartnerDeskDb } from '../db/schema';
import { ensureDeviceId } from '../db/actions';
import { getMetas } from '../db/meta';
import type { SyncHttp } from './http';
import type { FaultHook, LockPort, NotifyPort } from './ports';
import type { EngineContext } from './context';
import { INITIAL_STATUS, type SyncStatus } from './status';
import { AuthError, FatalSyncError, StorageFullError, TransientError } from './errors';
import { backoffMs, sleep } from './backoff';
import { pushAll } from './push';
import { pullAll } from './pull';

// The sync engine: a plain class (Node tests drive it with fake-indexeddb and real fetch; the app
// runs it in a Web Worker). One round = push every answered-or-not outbox row, then pull until
// caught up. `run` repeats rounds on triggers (start, a new outbox row, a poke, 60 s, online,
// focus) and backs off on transient failures. Only the device's lock holder runs.

export interface SyncEngineOptions {
  db: PartnerDeskDb;
  http: SyncHttp;
  notify?: NotifyPort;
  onStatus?: (status: SyncStatus) => void;
  /** Test hook: throw at a named point to simulate a crash. */
  fault?: FaultHook;
  /** The device clock (ms). */
  nowMs?: () => number;
  random?: () => number;
  pollIntervalMs?: number;
}

export class SyncEngine {
  private statusValue: SyncStatus = INITIAL_STATUS;
  private wakeResolve: (() => void) | null = null;
  private wakePromise: Promise<void>;
  private dirty = false;
  private deviceId: string | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.wakePromise = new Promise((resolve) => (this.wakeResolve = resolve));
  }

  get status(): SyncStatus {
    return this.statusValue;
  }

  /** Asks for a round as soon as possible (a poke, `online`, focus, a new outbox row). */
  requestSync(): void {
    this.dirty = true;
    const resolve = this.wakeResolve;
    this.wakePromise = new Promise((r) => (this.wakeResolve = r));
    resolve?.();
  }

  setOnline(online: boolean): void {
    this.setStatus({ online });
    if (online) this.requestSync();
  }

  /** The user signed in again (the token port has a fresh token): resume. */
  signedIn(): void {
    this.setStatus({ needsSignIn: false, error: null });
    this.requestSync();
  }

  /** One round: push, then pull until caught up. Throws the round's error. */
  async syncOnce(): Promise<void> {
    const ctx = await this.context();
    await this.restoreStatus();
    try {
      await pushAll(ctx);
      await pullAll(ctx);
      this.setStatus({ phase: 'idle', error: null, nextRetryAt: null });
    } catch (error) {
      if (error instanceof AuthError) this.setStatus({ needsSignIn: true, phase: 'idle' });
      throw error;
    }
  }

  /** Runs rounds until the signal aborts. A crash (anything but a sync error) rejects. */
  async run(signal: AbortSignal): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 60_000;
    const random = this.options.random ?? Math.random;
    let failures = 0;
    const watch = this.watchOutbox();
    try {
      this.dirty = true;
      while (!signal.aborted) {
        if (!this.dirty && failures === 0) await sleep(poll, this.wakePromise, signal);
        if (signal.aborted) break;
        this.dirty = false;
        try {
          await this.syncOnce();
          failures = 0;
        } catch (error) {
          if (error instanceof TransientError) {
            failures++;
            const delay = backoffMs(failures, error.retryAfterMs, random);
            this.setStatus({
              phase: 'waiting-retry',
              nextRetryAt: new Date(this.nowMs() + delay).toISOString(),
            });
            await sleep(delay, this.wakePromise, signal);
          } else if (
            error instanceof AuthError ||
            error instanceof FatalSyncError ||
            error instanceof StorageFullError
          ) {
            failures = 0;
            if (!(error instanceof AuthError))
              this.setStatus({
                error: {
                  code: error instanceof StorageFullError ? 'storage_full' : error.code,
                  message: error.message,
                },
                phase: 'idle',
              });
            // Wait for the user (sign-in), a trigger, or the next poll before trying again.
            await sleep(poll, this.wakePromise, signal);
          } else {
            throw error;
          }
        }
      }
    } finally {
      watch?.unsubscribe();
      this.setStatus({ phase: 'stopped', leader: false });
    }
  }

  /** Runs as the device's single leader: waits for the lock, then runs until the signal aborts. */
  runAsLeader(locks: LockPort, signal: AbortSignal): Promise<void> {
    this.setStatus({ phase: 'waiting-leader' });
    return locks.request(`partner-desk-sync:${this.options.db.name}`, async () => {
      if (signal.aborted) return;
      this.setStatus({ leader: true });
      await this.run(signal);
    });
  }

  private nowMs(): number {
    return (this.options.nowMs ?? Date.now)();
  }

  private async context(): Promise<EngineContext> {
    this.deviceId ??= await ensureDeviceId(this.options.db);
    return {
      db: this.options.db,
      http: this.options.http,
      deviceId: this.deviceId,
      nowMs: () => this.nowMs(),
      fault: this.options.fault ?? (() => undefined),
      notify: this.options.notify ?? null,
      setStatus: (patch) => this.setStatus(patch),
    };
  }

  private async restoreStatus(): Promise<void> {
    const meta = await getMetas(this.options.db.meta, ['lastSyncAt', 'firstSyncDone', 'snapshot']);
    const firstSync = meta.firstSyncDone
      ? { ...this.statusValue.firstSync, done: true }
      : { done: false, received: meta.snapshot?.received ?? 0, total: meta.snapshot?.total ?? null };
    this.setStatus({ lastSyncAt: this.statusValue.lastSyncAt ?? meta.lastSyncAt, firstSync });
  }

  /** A new outbox row (from any window) triggers a round. */
  private watchOutbox(): Subscription | null {
    let last: number | undefined;
    return liveQuery(
      async () => (await this.options.db.outbox.orderBy('seq').lastKey()) as number | undefined,
    ).subscribe({
      next: (seq) => {
        if (last !== undefined && seq !== undefined && seq !== last) this.requestSync();
        last = seq ?? 0;
      },
      error: () => undefined,
    });
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    const next = { ...this.statusValue, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.statusValue)) return;
    this.statusValue = next;
    this.options.onStatus?.(next);
  }
}
