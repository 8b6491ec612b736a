import { z } from 'zod';
import { reminderItemSchema } from '../../src-shared/ipc/schemas';
import type { NotificationPreferences, ReminderItemPayload } from '../../src-shared/ipc/schemas';
import type { Clock, Logger, Timer, TimerHandle } from '../ports/clock';
import type { FileStore } from '../ports/file-store';
import { JsonFile } from '../persistence/json-file';
import {
  MAX_REMINDER_WAIT_MS,
  latestPerReferral,
  planReminders,
  reminderNotice,
} from '../../src-shared/ipc/notices';
import type { Notice } from '../../src-shared/ipc/notices';

// Expiry reminders, scheduled in main so they fire with the window closed. The renderer pushes the
// upcoming schedule (UTC instants); main persists it with the keys it has already shown, arms one
// timer for the next item and always decides by the wall clock, never by how long a timer ran.

/** Timers never wait longer than this, so a wall-clock jump is noticed within minutes. */
export const MAX_TIMER_MS = MAX_REMINDER_WAIT_MS;
/** A reminder this late was missed (sleep, app closed, pause), not merely delivered a bit late. */
export const LATE_AFTER_MS = 2 * 60_000;
/** Shown keys are kept this long past their deadline, so a schedule re-sent after a clock jump backwards cannot repeat them. */
const SHOWN_RETENTION_MS = 30 * 24 * 3_600_000;

const stateSchema = z.object({
  version: z.literal(1),
  items: z.array(reminderItemSchema),
  /** key → deadline (ISO), for pruning. */
  shown: z.record(z.string(), z.string()),
});
type SchedulerState = z.infer<typeof stateSchema>;

export type CheckReason = 'startup' | 'timer' | 'resume' | 'schedule' | 'preferences';

export interface ReminderSchedulerDeps {
  clock: Clock;
  timer: Timer;
  files: FileStore;
  log: Logger;
  preferences: () => NotificationPreferences;
  present: (notice: Notice) => void;
}

export class ReminderScheduler {
  private armed: TimerHandle | null = null;
  private disposed = false;

  private constructor(
    private state: SchedulerState,
    private readonly file: JsonFile<SchedulerState>,
    private readonly deps: ReminderSchedulerDeps,
  ) {}

  static async open(deps: ReminderSchedulerDeps): Promise<ReminderScheduler> {
    const file = new JsonFile(deps.files, 'reminders.json', stateSchema, deps.log);
    const state = await file.read({ version: 1, items: [], shown: {} });
    return new ReminderScheduler(state, file, deps);
  }

  /** Replaces the schedule. Anything already due in the old one is shown first, never dropped. */
  async replaceSchedule(items: readonly ReminderItemPayload[]): Promise<number> {
    await this.check('schedule');
    const unique = new Map(items.map((item) => [item.key, item]));
    this.state = { ...this.state, items: [...unique.values()] };
    this.prune();
    await this.file.write(this.state);
    await this.check('schedule');
    return this.state.items.length;
  }

  /** Shows what is due (one summary when several are), then arms the timer for the next item. */
  async check(reason: CheckReason): Promise<void> {
    if (this.disposed) return;
    this.disarm();
    const now = this.deps.clock.now();
    const plan = planReminders(
      this.state.items,
      (key) => key in this.state.shown,
      this.deps.preferences(),
      now,
    );
    if (plan.due.length > 0) await this.showDue(plan.due, now, reason);
    this.arm(now, plan.nextAt);
  }

  /** Keys already shown (persisted), for diagnostics and tests. */
  shownKeys(): string[] {
    return Object.keys(this.state.shown);
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  private async showDue(due: ReminderItemPayload[], now: number, reason: CheckReason): Promise<void> {
    // Persist first: a crash between the two may lose one reminder but can never repeat one.
    const shown = { ...this.state.shown };
    for (const item of due) shown[item.key] = item.deadline;
    this.state = { ...this.state, shown };
    await this.file.write(this.state);

    const missed =
      reason === 'startup' ||
      reason === 'resume' ||
      due.some((i) => now - Date.parse(i.dueAt) > LATE_AFTER_MS);
    this.deps.present(reminderNotice(latestPerReferral(due), now, missed));
  }

  private arm(now: number, nextAt: number | null): void {
    if (nextAt === null) return;
    const delay = Math.min(Math.max(0, nextAt - now), MAX_TIMER_MS);
    this.armed = this.deps.timer.setTimeout(() => {
      this.armed = null;
      this.check('timer').catch((error: unknown) =>
        this.deps.log.error(`reminder check failed: ${String(error)}`),
      );
    }, delay);
  }

  private disarm(): void {
    if (this.armed) this.deps.timer.clearTimeout(this.armed);
    this.armed = null;
  }

  private prune(): void {
    const keep = new Set(this.state.items.map((item) => item.key));
    const horizon = this.deps.clock.now() - SHOWN_RETENTION_MS;
    const shown: Record<string, string> = {};
    for (const [key, deadline] of Object.entries(this.state.shown)) {
      if (keep.has(key) || Date.parse(deadline) > horizon) shown[key] = deadline;
    }
    this.state = { ...this.state, shown };
  }
}
