import type { NewReferral, NotificationPreferences, ReminderItemPayload } from './schemas';

// What reminders and "new referral" notifications say, and which ones a user wants. Shared by the
// Electron shell (main) and the browser bridge (web mode), so both hosts speak alike.

/** Where a click leads: one referral, or just the window (a summary). */
export type NoticeTarget = { referralId: string } | null;

export interface Notice {
  title: string;
  body: string;
  /** Contact-me referrals. */
  urgent: boolean;
  target: NoticeTarget;
}

const HOUR_MS = 3_600_000;
const TAB_NAMES = {
  marketplace: 'Marketplace leads',
  qualified: 'Qualified leads',
  cosell: 'Co-sell',
} as const;

/** The instant a pause ends, or null when notifications are not paused at `now`. */
export function pauseEnd(preferences: NotificationPreferences, now: number): number | null {
  const until = preferences.pausedUntil === null ? Number.NaN : Date.parse(preferences.pausedUntil);
  return Number.isFinite(until) && until > now ? until : null;
}

/** Timers never wait longer than this, so a wall-clock jump is noticed within minutes. */
export const MAX_REMINDER_WAIT_MS = 5 * 60_000;

export interface ReminderPlan {
  /** Due now and not shown yet (empty while paused). */
  due: ReminderItemPayload[];
  /** When to look again (the next due item or the end of a pause), or null for never. */
  nextAt: number | null;
}

/**
 * Decides by the wall clock what is due and when to look again: the same rule for main's
 * scheduler and for web mode's in-tab one. Only the thresholds the user chose count.
 */
export function planReminders(
  items: readonly ReminderItemPayload[],
  isShown: (key: string) => boolean,
  preferences: NotificationPreferences,
  now: number,
): ReminderPlan {
  const paused = pauseEnd(preferences, now);
  if (!preferences.remindersEnabled) return { due: [], nextAt: null };
  const thresholds = new Set(preferences.thresholdsHours);
  const eligible = items.filter((item) => thresholds.has(item.thresholdHours) && !isShown(item.key));
  if (paused !== null) return { due: [], nextAt: paused };
  let nextAt: number | null = null;
  const due: ReminderItemPayload[] = [];
  for (const item of eligible) {
    const at = Date.parse(item.dueAt);
    if (at <= now) due.push(item);
    else if (nextAt === null || at < nextAt) nextAt = at;
  }
  return { due, nextAt };
}

/** After a long sleep one referral may have several thresholds due: only the most urgent counts. */
export function latestPerReferral(due: readonly ReminderItemPayload[]): ReminderItemPayload[] {
  const byReferral = new Map<string, ReminderItemPayload>();
  for (const item of due) {
    const seen = byReferral.get(item.referralId);
    if (!seen || item.thresholdHours < seen.thresholdHours) byReferral.set(item.referralId, item);
  }
  return [...byReferral.values()].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
}

/** One notification for the due reminders (one per referral): the reminder itself, or a summary. */
export function reminderNotice(items: readonly ReminderItemPayload[], now: number, missed: boolean): Notice {
  const urgent = items.some((item) => item.urgent);
  const [only] = items;
  if (only && items.length === 1) {
    const overdue = Date.parse(only.deadline) <= now;
    const prefix = only.urgent ? 'Contact requested: ' : '';
    return {
      title: `${prefix}${only.title || 'A referral'}`,
      body: overdue
        ? `The response deadline passed${missed ? ' while you were away' : ''}. Accept or decline it now.`
        : `Respond within ${remaining(Date.parse(only.deadline) - now)} or the referral expires.`,
      urgent,
      target: { referralId: only.referralId },
    };
  }
  const expired = items.filter((item) => Date.parse(item.deadline) <= now).length;
  const pending = items.length - expired;
  const parts: string[] = [];
  if (expired > 0)
    parts.push(`${plural(expired, 'referral')} expired${missed ? ' while you were away' : ''}`);
  if (pending > 0)
    parts.push(`${plural(pending, 'referral')} ${pending === 1 ? 'needs' : 'need'} a response soon`);
  const soonest = items.find((item) => Date.parse(item.deadline) > now);
  return {
    title: capitalize(parts.join(', ')),
    body: soonest
      ? `Next deadline: ${soonest.title || 'a referral'}, in ${remaining(Date.parse(soonest.deadline) - now)}.`
      : 'Open Partner Desk to review them.',
    urgent,
    target: null,
  };
}

/** The per-tab choice: all, urgent (contact me) only, none; optionally some qualifications only. */
export function wantsNewReferral(referral: NewReferral, preferences: NotificationPreferences): boolean {
  const rule = preferences.newReferrals[referral.tab];
  if (rule.notify === 'none') return false;
  if (rule.notify === 'urgent-only' && !referral.urgent) return false;
  return rule.qualifications.length === 0 || rule.qualifications.includes(referral.qualification);
}

/** "New referral: Contoso" for one, "5 new referrals" for a batch. */
export function newReferralNotice(referrals: readonly NewReferral[]): Notice {
  const urgentCount = referrals.filter((r) => r.urgent).length;
  const [only] = referrals;
  if (only && referrals.length === 1) {
    return {
      title: only.urgent ? 'New referral: contact requested' : 'New referral',
      body: `${only.title || 'A new referral'} (${TAB_NAMES[only.tab]})`,
      urgent: only.urgent,
      target: { referralId: only.id },
    };
  }
  const tabs = [...new Set(referrals.map((r) => TAB_NAMES[r.tab]))].join(', ');
  return {
    title: plural(referrals.length, 'new referral'),
    body: urgentCount > 0 ? `${urgentCount} asked to be contacted. In ${tabs}.` : `In ${tabs}.`,
    urgent: urgentCount > 0,
    target: null,
  };
}

/** "2 hours", "45 minutes", "3 days": rounded, never "0 minutes". */
export function remaining(ms: number): string {
  if (ms >= 48 * HOUR_MS) return plural(Math.round(ms / (24 * HOUR_MS)), 'day');
  if (ms >= HOUR_MS) return plural(Math.round(ms / HOUR_MS), 'hour');
  return plural(Math.max(1, Math.round(ms / 60_000)), 'minute');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
