import type { NewReferral, NotificationPreferences } from '../../src-shared/ipc/schemas';
import type { Clock, Timer, TimerHandle } from '../ports/clock';
import { newReferralNotice, pauseEnd, wantsNewReferral } from '../../src-shared/ipc/notices';
import type { Notice } from '../../src-shared/ipc/notices';

/** Referrals reported within this window become one notification ("5 new referrals"). */
export const BATCH_WINDOW_MS = 5_000;
const REMEMBERED_IDS = 20_000;

export interface NewReferralNoticesDeps {
  clock: Clock;
  timer: Timer;
  preferences: () => NotificationPreferences;
  present: (notice: Notice) => void;
}

/**
 * "New referrals" notifications: never for the first sync, filtered by the per-tab choices,
 * batched over a short window, and held while notifications are paused.
 */
export class NewReferralNotices {
  private readonly pending = new Map<string, NewReferral>();
  private readonly announced = new Set<string>();
  private armed: TimerHandle | null = null;

  constructor(private readonly deps: NewReferralNoticesDeps) {}

  /** Returns how many of the reported referrals will be announced. */
  report(batch: { initialSync: boolean; referrals: readonly NewReferral[] }): number {
    if (batch.initialSync) {
      for (const referral of batch.referrals) this.remember(referral.id);
      return 0;
    }
    const preferences = this.deps.preferences();
    let queued = 0;
    for (const referral of batch.referrals) {
      if (this.announced.has(referral.id) || this.pending.has(referral.id)) continue;
      if (!wantsNewReferral(referral, preferences)) continue;
      this.pending.set(referral.id, referral);
      queued += 1;
    }
    if (queued > 0) this.schedule(BATCH_WINDOW_MS);
    return queued;
  }

  /** Preferences changed (a pause ended early, say): deliver what was held if it is time. */
  preferencesChanged(): void {
    if (this.pending.size > 0) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.armed) this.deps.timer.clearTimeout(this.armed);
    this.armed = this.deps.timer.setTimeout(() => this.flush(), delayMs);
  }

  private flush(): void {
    this.armed = null;
    const pausedUntil = pauseEnd(this.deps.preferences(), this.deps.clock.now());
    if (pausedUntil !== null) {
      this.schedule(Math.min(pausedUntil - this.deps.clock.now(), 5 * 60_000));
      return;
    }
    const referrals = [...this.pending.values()];
    this.pending.clear();
    for (const referral of referrals) this.remember(referral.id);
    if (referrals.length > 0) this.deps.present(newReferralNotice(referrals));
  }

  private remember(id: string): void {
    this.announced.add(id);
    if (this.announced.size > REMEMBERED_IDS) {
      const oldest = this.announced.values().next();
      if (!oldest.done) this.announced.delete(oldest.value);
    }
  }
}
