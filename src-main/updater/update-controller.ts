import type { UpdateStatus } from '../../src-shared/ipc/schemas';
import type { Clock, Logger, Timer, TimerHandle } from '../ports/clock';
import type { UpdaterEvent, UpdaterPort } from '../ports/updater-port';
import { IpcFailure } from '../ipc/ipc-failure';

export const UPDATE_CHECK_INTERVAL_MS = 6 * 3_600_000;

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  clock: Clock;
  timer: Timer;
  log: Logger;
  /** Lets the quit through close-to-tray; called right before quitAndInstall. */
  prepareQuit: () => void;
  publish: (status: UpdateStatus) => void;
}

/**
 * The update state machine: check at start and every 6 hours, download in the background, show a
 * banner once downloaded, and install only when the user consents.
 */
export class UpdateController {
  private status: UpdateStatus;
  private lastCheckedAt: string | null = null;
  private armed: TimerHandle | null = null;

  constructor(private readonly deps: UpdateControllerDeps) {
    this.status = deps.updater.isSupported()
      ? { state: 'idle', lastCheckedAt: null }
      : { state: 'disabled', reason: 'Updates are installed by the packaged app only.' };
    deps.updater.onEvent((event) => this.onUpdaterEvent(event));
  }

  get(): UpdateStatus {
    return this.status;
  }

  start(): void {
    if (this.status.state === 'disabled') return;
    void this.checkNow();
  }

  async checkNow(): Promise<UpdateStatus> {
    if (this.status.state === 'disabled') return this.status;
    this.scheduleNext();
    // Nothing to learn while a check or download runs, or once an update waits for consent.
    if (['checking', 'downloading', 'downloaded', 'installing'].includes(this.status.state))
      return this.status;
    this.lastCheckedAt = new Date(this.deps.clock.now()).toISOString();
    this.set({ state: 'checking' });
    try {
      await this.deps.updater.check();
      // The check settled without saying "available" or "not available": do not stay "checking".
      if (this.status.state === 'checking') this.set({ state: 'idle', lastCheckedAt: this.lastCheckedAt });
    } catch (error) {
      this.onUpdaterEvent({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    return this.status;
  }

  /** The user consented: quit and install. Only a downloaded update can be installed. */
  install(): void {
    if (this.status.state !== 'downloaded') {
      throw new IpcFailure('no-update-ready', 'No update has been downloaded yet.');
    }
    this.set({ state: 'installing', version: this.status.version });
    this.deps.prepareQuit();
    this.deps.updater.quitAndInstall();
  }

  dispose(): void {
    if (this.armed) this.deps.timer.clearTimeout(this.armed);
    this.armed = null;
  }

  private scheduleNext(): void {
    if (this.armed) this.deps.timer.clearTimeout(this.armed);
    this.armed = this.deps.timer.setTimeout(() => {
      this.armed = null;
      void this.checkNow();
    }, UPDATE_CHECK_INTERVAL_MS);
  }

  private onUpdaterEvent(event: UpdaterEvent): void {
    const current = this.status;
    if (current.state === 'disabled' || current.state === 'installing') return;
    switch (event.type) {
      case 'checking':
        if (current.state !== 'downloaded') this.set({ state: 'checking' });
        return;
      case 'available':
        this.set({ state: 'downloading', version: event.version, percent: 0 });
        return;
      case 'progress':
        if (current.state === 'downloading') {
          this.set({ ...current, percent: Math.min(100, Math.max(0, event.percent)) });
        }
        return;
      case 'downloaded':
        this.set({ state: 'downloaded', version: event.version });
        return;
      case 'not-available':
        if (current.state !== 'downloaded') this.set({ state: 'idle', lastCheckedAt: this.lastCheckedAt });
        return;
      case 'error':
        this.deps.log.warn(`update check failed: ${event.message}`);
        // A failed re-check must not hide an update that is already downloaded.
        if (current.state !== 'downloaded') {
          this.set({
            state: 'error',
            message: event.message.slice(0, 500),
            lastCheckedAt: this.lastCheckedAt,
          });
        }
        return;
    }
  }

  private set(status: UpdateStatus): void {
    this.status = status;
    this.deps.publish(status);
  }
}
