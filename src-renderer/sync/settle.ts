import type { PartnerDeskDb } from '../db/schema';
import type { OutboxRow } from '../db/rows';

// Removing an answered outbox row once its effect is in the base; a rejection becomes a sync
// issue with everything the user typed and the service's current copy. Runs inside the caller's
// transaction (outbox, syncIssues, referrals).

export async function settle(db: PartnerDeskDb, row: OutboxRow, nowIso: string): Promise<void> {
  if (row.outcome === 'rejected') {
    const copy = await db.referrals.get(row.referralId);
    await db.syncIssues.put({
      id: row.id,
      seq: row.seq,
      name: row.name,
      args: row.args,
      referralId: row.referralId,
      reason: row.reason ?? 'rejected',
      ...(row.conflicts ? { conflicts: row.conflicts } : {}),
      serviceCopy: copy?.doc ?? null,
      createdAt: row.createdAt,
      recordedAt: nowIso,
    });
  }
  await db.outbox.delete(row.seq);
}

/** Whether the base at `cursor` includes a change made at `atVersion` (the cursor is opaque: trust the page when it is not a number). */
export function coveredBy(atVersion: number, cursor: string): boolean {
  const n = Number(cursor);
  return Number.isFinite(n) ? atVersion <= n : true;
}
