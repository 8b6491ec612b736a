import {
  MAX_REMINDER_WAIT_MS,
  latestPerReferral,
  newReferralNotice,
  planReminders,
  reminderNotice,
  wantsNewReferral,
} from '../../src-shared/ipc/notices';
import type { Notice } from '../../src-shared/ipc/notices';
import type { NewReferral, NotificationPreferences, ReminderItemPayload } from '../../src-shared/ipc/schemas';
import type { BrowserEnv } from './browser-env';

const SHOWN_KEY = 'partner-desk.reminders-shown';
const BATCH_WINDOW_MS = 5_000;

/**
 * Web mode's notifications, while the tab is open: the same rules as main's scheduler (shared
 * planReminders and wording), without the tray or the persistence that outlives the tab.
 */
export class WebNotifications {
  private items: ReminderItemPayload[] = [];
  private shown: Set<string>;
  private armed: unknown = null;
  private pending = new Map<string, NewReferral>();
  private announced = new Set<string>();
  private batch: unknown = null;

  constructor(
    private readonly env: BrowserEnv,
    private readonly preferences: () => NotificationPreferences,
    private readonly open: (referralId: string) => void,
  ) {
    this.shown = new Set(readShown(env));
  }

  replace(items: readonly ReminderItemPayload[]): number {
    this.items = [...new Map(items.map((item) => [item.key, item])).values()];
    const keep = new Set(this.items.map((item) => item.key));
    this.shown = new Set([...this.shown].filter((key) => keep.has(key)));
    this.check();
    return this.items.length;
  }

  check(): void {
    if (this.armed !== null) this.env.clearTimeout(this.armed);
    this.armed = null;
    const now = this.env.now();
    const plan = planReminders(this.items, (key) => this.shown.has(key), this.preferences(), now);
    if (plan.due.length > 0) {
      for (const item of plan.due) this.shown.add(item.key);
      this.env.localStorage?.setItem(SHOWN_KEY, JSON.stringify([...this.shown]));
      const late = plan.due.some((item) => now - Date.parse(item.dueAt) > 2 * 60_000);
      this.present(
        reminderNotice(latestPerReferral(plan.due), now, late),
        `reminder:${plan.due[0]?.key ?? ''}`,
      );
    }
    if (plan.nextAt !== null) {
      this.armed = this.env.setTimeout(
        () => this.check(),
        Math.min(Math.max(0, plan.nextAt - now), MAX_REMINDER_WAIT_MS),
      );
    }
  }

  report(initialSync: boolean, referrals: readonly NewReferral[]): number {
    if (initialSync) {
      for (const referral of referrals) this.announced.add(referral.id);
      return 0;
    }
    let queued = 0;
    for (const referral of referrals) {
      if (this.announced.has(referral.id) || this.pending.has(referral.id)) continue;
      if (!wantsNewReferral(referral, this.preferences())) continue;
      this.pending.set(referral.id, referral);
      queued += 1;
    }
    if (queued > 0) this.flushSoon(BATCH_WINDOW_MS);
    return queued;
  }

  private flushSoon(ms: number): void {
    if (this.batch !== null) this.env.clearTimeout(this.batch);
    this.batch = this.env.setTimeout(() => {
      this.batch = null;
      const until = Date.parse(this.preferences().pausedUntil ?? '');
      const now = this.env.now();
      if (until > now) return this.flushSoon(Math.min(until - now, MAX_REMINDER_WAIT_MS));
      const referrals = [...this.pending.values()];
      this.pending.clear();
      referrals.forEach((referral) => this.announced.add(referral.id));
      if (referrals.length > 0) this.present(newReferralNotice(referrals), `new:${referrals[0]?.id ?? ''}`);
    }, ms);
  }

  private present(notice: Notice, tag: string): void {
    const notifier = this.env.notifications;
    if (!notifier || notifier.permission() !== 'granted') return;
    notifier.show(notice.title, { body: notice.body, tag, requireInteraction: notice.urgent }, () => {
      this.env.focusWindow();
      if (notice.target) this.open(notice.target.referralId);
    });
  }
}

function readShown(env: BrowserEnv): string[] {
  try {
    const parsed: unknown = JSON.parse(env.localStorage?.getItem(SHOWN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}
