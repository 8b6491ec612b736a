import type { ReminderItemPayload } from '../../src-shared/ipc/schemas';
import type { Notice } from './notification-center';

const HOUR_MS = 3_600_000;

/** One notification for the due reminders: the reminder itself, or a summary of several. */
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
  if (expired > 0) parts.push(`${plural(expired, 'referral')} expired${missed ? ' while you were away' : ''}`);
  if (pending > 0) parts.push(`${plural(pending, 'referral')} ${pending === 1 ? 'needs' : 'need'} a response soon`);
  const title = capitalize(parts.join(', '));
  const soonest = items.find((item) => Date.parse(item.deadline) > now);
  return {
    title,
    body: soonest
      ? `Next deadline: ${soonest.title || 'a referral'}, in ${remaining(Date.parse(soonest.deadline) - now)}.`
      : 'Open Partner Desk to review them.',
    urgent,
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
