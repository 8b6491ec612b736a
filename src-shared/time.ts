import type { Referral } from './referral';
import { isTerminal, stageOf } from './classify';

// Time rules (domain.md section 4). Instants are ISO-8601 UTC strings; arithmetic is on epoch
// milliseconds so no local time zone ever enters. Invalid input never throws: helpers return the
// input unchanged or null, because the lifecycle reducer built on them must be total.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const RESPONSE_WINDOW_DAYS = 14;
export const CONTACT_ME_WINDOW_HOURS = 72;
export const DEFAULT_REMINDER_THRESHOLDS_HOURS: readonly number[] = [72, 24, 2];

/** Epoch milliseconds of an ISO instant, or NaN. */
export function toMs(iso: string | null | undefined): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

/** Canonical `toISOString()` form, or null for an invalid instant. */
export function canonicalIso(iso: string | null | undefined): string | null {
  const ms = toMs(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function addMs(iso: string, ms: number): string {
  const base = toMs(iso);
  const next = base + ms;
  // Outside Date's range toISOString throws: keep the input instead.
  if (!Number.isFinite(next) || Math.abs(next) > 8.64e15) return iso;
  return new Date(next).toISOString();
}

export function addHours(iso: string, hours: number): string {
  return addMs(iso, hours * HOUR_MS);
}

export function addDays(iso: string, days: number): string {
  return addMs(iso, days * DAY_MS);
}

/** `a < b` for instants; false when either is invalid. */
export function isBefore(a: string, b: string): boolean {
  return toMs(a) < toMs(b);
}

/**
 * The deadline regardless of status: `expirationDateTime`, else `createdDateTime + 14 days`.
 * The lifecycle needs it for expired referrals too (a late-arriving accept).
 */
export function deadlineOf(
  referral: Pick<Referral, 'expirationDateTime' | 'createdDateTime'>,
): string | null {
  return (
    canonicalIso(referral.expirationDateTime) ??
    canonicalIso(addDays(referral.createdDateTime, RESPONSE_WINDOW_DAYS))
  );
}

/** The response deadline while the referral waits for an answer (status New), else null. */
export function responseDeadline(referral: Referral): string | null {
  return stageOf(referral) === 'received' ? deadlineOf(referral) : null;
}

/** Past the deadline but not yet expired by the service: the client shows "overdue". */
export function isOverdue(referral: Referral, now: string): boolean {
  const deadline = responseDeadline(referral);
  return deadline !== null && toMs(now) >= toMs(deadline);
}

function askedForContact(referral: Referral): boolean {
  if (referral.details.customerRequestedContact === true) return true;
  const marketplace = referral.marketplace;
  if (!marketplace) return false;
  return marketplace.leadSource.action === 'PLT' || marketplace.actions.some((a) => a.action === 'PLT');
}

/** The flame: the customer asked to be contacted, creation was less than 72 hours ago, and it is still open. */
export function contactMeActive(referral: Referral, now: string): boolean {
  if (isTerminal(referral) || !askedForContact(referral)) return false;
  // No lower bound: a device clock slightly behind the creation time must not hide the flame.
  return toMs(now) < toMs(referral.createdDateTime) + CONTACT_ME_WINDOW_HOURS * HOUR_MS;
}

export interface ReminderItem {
  /** Stable: the same referral, threshold and deadline always give the same key. */
  key: string;
  referralId: string;
  title: string;
  dueAt: string;
  deadline: string;
  thresholdHours: number;
  /** The customer asked to be contacted (the flame is on now). */
  urgent: boolean;
}

/**
 * Reminders still to come for referrals waiting for an answer, sorted by due time then key.
 * Past reminders are left out: main folds a missed backlog itself, from its own persisted copy.
 */
export function reminderSchedule(
  referrals: readonly Referral[],
  now: string,
  thresholdsHours: readonly number[] = DEFAULT_REMINDER_THRESHOLDS_HOURS,
): ReminderItem[] {
  const nowMs = toMs(now);
  if (!Number.isFinite(nowMs)) return [];
  const thresholds = [...new Set(thresholdsHours)].filter((h) => Number.isFinite(h) && h >= 0);
  const items = new Map<string, ReminderItem>();
  for (const referral of referrals) {
    const deadline = responseDeadline(referral);
    if (deadline === null) continue;
    const urgent = contactMeActive(referral, now);
    const title = referral.customerProfile.name || referral.name || referral.id;
    for (const thresholdHours of thresholds) {
      const dueMs = toMs(deadline) - thresholdHours * HOUR_MS;
      if (!(dueMs >= nowMs) || Math.abs(dueMs) > 8.64e15) continue;
      const key = `${referral.id}:${thresholdHours}h:${deadline}`;
      if (items.has(key)) continue;
      items.set(key, {
        key,
        referralId: referral.id,
        title,
        dueAt: new Date(dueMs).toISOString(),
        deadline,
        thresholdHours,
        urgent,
      });
    }
  }
  return [...items.values()].sort(
    (a, b) => toMs(a.dueAt) - toMs(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
