import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { QUALIFICATIONS } from '../../../src-shared';
import { notificationSettingsSchema } from '../../../src-shared/ipc/schemas';
import type { NotificationPreferences, NotificationSettings } from '../../bridge';
import type { FieldErrors } from '../dialogs/validation';

// The notification settings form: the same zod schema as the bridge (main and web mode), each
// problem shown next to its field in the user's language.

export const LEAD_TABS = ['marketplace', 'qualified', 'cosell'] as const;
export type LeadTab = (typeof LEAD_TABS)[number];
export const NOTIFY_CHOICES = ['all', 'urgent-only', 'none'] as const;
export { QUALIFICATIONS };

/** "Pause for 1 hour". */
export const PAUSE_MINUTES = 60;

const thresholdsSchema = notificationSettingsSchema.shape.thresholdsHours;

export function settingsOf(prefs: NotificationPreferences): NotificationSettings {
  const { remindersEnabled, thresholdsHours, newReferrals } = prefs;
  return { remindersEnabled, thresholdsHours, newReferrals };
}

/** Longest first: 72 h, 24 h, 2 h. */
export function sortedHours(hours: readonly number[]): number[] {
  return [...hours].sort((a, b) => b - a);
}

function thresholdMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  // The list itself (too many, duplicates) or one of its numbers (range, whole hours).
  if (issue.path.length === 0) {
    return issue.code === 'too_big'
      ? t('notifications.errors.tooMany', { max: Number(issue.maximum) })
      : t('notifications.errors.duplicate');
  }
  return t('notifications.errors.range', { min: 1, max: 24 * 14 });
}

/** Adds `raw` (what the user typed) to the thresholds, or says why not. */
export function addThreshold(
  t: TFunction,
  hours: readonly number[],
  raw: string,
): { ok: true; hours: number[] } | { ok: false; error: string } {
  const text = raw.trim();
  if (text === '') return { ok: false, error: t('errors.required') };
  const value = Number(text);
  if (!Number.isFinite(value))
    return { ok: false, error: t('notifications.errors.range', { min: 1, max: 24 * 14 }) };
  const parsed = thresholdsSchema.safeParse([...hours, value]);
  if (parsed.success) return { ok: true, hours: sortedHours(parsed.data) };
  const [issue] = parsed.error.issues;
  return { ok: false, error: issue ? thresholdMessage(t, issue) : t('errors.invalid') };
}

/** The whole form, checked before saving. Keys: `thresholdsHours`, `newReferrals.<tab>`. */
export function checkSettings(
  t: TFunction,
  settings: NotificationSettings,
): { ok: true; settings: NotificationSettings } | { ok: false; errors: FieldErrors } {
  const parsed = notificationSettingsSchema.safeParse(settings);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path.map(String);
    if (first === 'thresholdsHours') {
      errors.thresholdsHours ??= thresholdMessage(t, { ...issue, path: issue.path.slice(1) });
    } else if (first === 'newReferrals' && second) {
      errors[`newReferrals.${second}`] ??= t('errors.invalid');
    } else {
      errors[first ?? '(root)'] ??= t('errors.invalid');
    }
  }
  return { ok: false, errors };
}
