import Dexie from 'dexie';
import { reminderSchedule } from '../../../src-shared';
import type { ReminderItemPayload } from '../../bridge';
import type { PartnerDeskDb } from '../../db/schema';

/** Reminders go to the host, which fires them even when this window is hidden or closed. */
export const MAX_REMINDERS = 5_000;

/** The upcoming reminders of the referrals waiting for an answer, soonest first, capped. */
export async function upcomingReminders(
  db: PartnerDeskDb,
  nowMs: number,
  thresholdsHours: readonly number[],
): Promise<ReminderItemPayload[]> {
  const now = new Date(nowMs).toISOString();
  // Read through the deadline index, soonest first; the cap keeps the IPC payload small, and the
  // schedule is sent again whenever the data changes.
  const rows = await db.referrals
    .where('[stage+deadline+id]')
    .between(['received', now, Dexie.minKey], ['received', Dexie.maxKey, Dexie.maxKey], true, true)
    .limit(Math.ceil(MAX_REMINDERS / Math.max(1, thresholdsHours.length)))
    .toArray();
  return reminderSchedule(
    rows.map((r) => r.doc),
    now,
    thresholdsHours,
  )
    .slice(0, MAX_REMINDERS)
    .map((item) => ({ ...item, title: item.title.slice(0, 500) }));
}
