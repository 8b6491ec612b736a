import type { Referral } from '../../src-shared';
import { baseTables, writeBase } from '../db/base-writes';
import { toReferralRow } from '../db/lean';
import { getMeta, getMetas, setMeta } from '../db/meta';
import type { OutboxRow } from '../db/rows';
import { isQuotaError } from '../db/storage-errors';
import type { EngineContext } from './context';
import { PULL_LIMIT, type Change, type PullPage } from './protocol';
import { clockOffsetOf, failure, StorageFullError } from './errors';
import { coveredBy, settle } from './settle';
import { runSnapshot, startSnapshot } from './snapshot';

// Pull: pages of changes since the cursor, each applied in ONE transaction with the new cursor,
// the outcomes and the outbox clean-up. A reset switches to the snapshot and keeps the outbox.

/** Pulls until caught up (hasMore false). */
export async function pullAll(ctx: EngineContext): Promise<void> {
  const { db } = ctx;
  // Rows answered before this pull began: once it has caught up, their effect is in the base.
  const answered = new Set(
    (await db.outbox.filter((r) => r.outcome !== undefined).toArray()).map((r) => r.seq),
  );
  for (;;) {
    const meta = await getMetas(db.meta, ['cursor', 'snapshot']);
    if (meta.snapshot) {
      await runSnapshot(ctx);
      continue;
    }
    ctx.setStatus({ phase: 'pulling' });
    const result = await ctx.http.pull({ deviceId: ctx.deviceId, cursor: meta.cursor, limit: PULL_LIMIT });
    if (result.kind !== 'ok') {
      if (result.kind === 'transient' && result.network) ctx.setStatus({ online: false });
      throw failure(result);
    }
    ctx.setStatus({ online: true });
    if (result.body.type === 'reset') {
      await startSnapshot(ctx, result.body.snapshot, result.body.total);
      continue;
    }
    const body = result.body.page;
    const offset = clockOffsetOf(body.serverTime, result.sentAt, result.receivedAt);
    await applyPullPage(ctx, body, offset, body.hasMore ? null : answered);
    await ctx.fault('pull:page-committed');
    if (!body.hasMore) return;
  }
}

function latestPerId(changes: readonly Change[]): Change[] {
  const map = new Map<string, Change>();
  for (const c of changes) map.set(c.id, c);
  return [...map.values()];
}

export async function applyPullPage(
  ctx: EngineContext,
  page: PullPage,
  offset: number | null,
  settleAnswered: ReadonlySet<number> | null,
): Promise<void> {
  const { db } = ctx;
  const nowIso = new Date(ctx.nowMs()).toISOString();
  let inserted: string[] = [];
  let announce = false;
  try {
    await db.transaction('rw', [...baseTables(db), db.outbox, db.syncIssues], async () => {
      announce = await getMeta(db.meta, 'firstSyncDone');
      const changes = latestPerId(page.changes);
      const upserts = changes.flatMap((c) =>
        c.op === 'upsert' ? [toReferralRow(c.data, c.version, { receivedAt: nowIso })] : [],
      );
      const deletes = changes.flatMap((c) => (c.op === 'delete' ? [c.id] : []));
      ({ inserted } = await writeBase(db, upserts, deletes));
      void ctx.fault('pull:in-transaction'); // synchronous: a throw aborts the transaction

      const rows = await db.outbox.bulkGet(page.outcomes.map((o) => o.seq));
      for (const [i, o] of page.outcomes.entries()) {
        const row = rows[i];
        if (!row) continue;
        const next: OutboxRow = { ...row, outcome: o.outcome, atVersion: o.atVersion };
        if (o.reason) next.reason = o.reason;
        if (o.conflicts) next.conflicts = o.conflicts;
        if (coveredBy(o.atVersion, page.cursor)) await settle(db, next, nowIso);
        else await db.outbox.put(next);
      }
      if (settleAnswered) {
        for (const row of await db.outbox.bulkGet([...settleAnswered])) {
          if (row?.outcome !== undefined) await settle(db, row, nowIso);
        }
      }
      await setMeta(db.meta, 'cursor', page.cursor);
      if (page.lastAckSeq > (await getMeta(db.meta, 'lastAckSeq')))
        await setMeta(db.meta, 'lastAckSeq', page.lastAckSeq);
      if (offset !== null) await setMeta(db.meta, 'clockOffsetMs', offset);
      if (!page.hasMore) await setMeta(db.meta, 'lastSyncAt', page.serverTime);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError();
    throw error;
  }
  if (!page.hasMore) ctx.setStatus({ lastSyncAt: page.serverTime, error: null });
  if (announce && inserted.length > 0 && ctx.notify) {
    const docs = (await db.referrals.bulkGet(inserted)).flatMap((r): Referral[] => (r ? [r.doc] : []));
    if (docs.length > 0) ctx.notify.newReferrals(docs);
  }
}
