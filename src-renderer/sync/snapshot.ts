import { baseTables, writeBase } from '../db/base-writes';
import { toReferralRow } from '../db/lean';
import { getMeta, setMeta, type SnapshotProgress } from '../db/meta';
import { isQuotaError } from '../db/storage-errors';
import type { EngineContext } from './context';
import { failure, StorageFullError } from './errors';

// The first sync (and every reset) downloads the service's pinned snapshot page by page. Each
// page is one transaction that also records the next page to fetch, so a crash resumes at the
// next page. Rows are stamped with the snapshot id; at the end, rows the snapshot did not contain
// are deleted. The outbox is never touched.

/** The service numbers snapshot pages from 0. */
export const FIRST_SNAPSHOT_PAGE = 0;

export async function startSnapshot(ctx: EngineContext, snapshot: string, total: number | null): Promise<void> {
  await ctx.db.transaction('rw', [ctx.db.meta, ctx.db.referrals], async () => {
    // On an empty base (the first sync) nothing can be stale: skip the stamps and the sweep.
    const stamp = (await ctx.db.referrals.limit(1).primaryKeys()).length > 0;
    const progress: SnapshotProgress = { snapshot, nextPage: FIRST_SNAPSHOT_PAGE, received: 0, total, cursor: null, stamp };
    await setMeta(ctx.db.meta, 'snapshot', progress);
  });
}

export async function runSnapshot(ctx: EngineContext): Promise<void> {
  const { db } = ctx;
  for (;;) {
    const progress = await getMeta(db.meta, 'snapshot');
    if (!progress) return;
    const firstSyncDone = await getMeta(db.meta, 'firstSyncDone');
    ctx.setStatus({ phase: 'snapshot', firstSync: { done: firstSyncDone, received: progress.received, total: progress.total } });
    const result = await ctx.http.snapshotPage(progress.snapshot, progress.nextPage);
    if (result.kind === 'gone') {
      // Pinned snapshots expire: start again from a fresh one (rows already written are kept and
      // overwritten or deleted by the next snapshot).
      await db.transaction('rw', db.meta, async () => {
        await setMeta(db.meta, 'snapshot', null);
        await setMeta(db.meta, 'cursor', null);
      });
      return;
    }
    if (result.kind !== 'ok') {
      if (result.kind === 'transient' && result.network) ctx.setStatus({ online: false });
      throw failure(result);
    }
    ctx.setStatus({ online: true });
    const page = result.body;
    const nowIso = new Date(ctx.nowMs()).toISOString();
    const snap = progress.stamp ? progress.snapshot : undefined;
    const rows = page.changes.map((item) => toReferralRow(item.data, item.version, { snap, receivedAt: nowIso }));
    const next: SnapshotProgress = {
      ...progress,
      nextPage: progress.nextPage + 1,
      received: progress.received + rows.length,
      total: page.total ?? progress.total,
      cursor: page.cursor,
    };
    try {
      await db.transaction('rw', [...baseTables(db)], async () => {
        await writeBase(db, rows);
        void ctx.fault('snapshot:in-transaction'); // synchronous: a throw aborts the transaction
        if (page.hasMore) {
          await setMeta(db.meta, 'snapshot', next);
          return;
        }
        if (progress.stamp) {
          // The snap index is sparse (pulled rows have none): compare against every key.
          const fresh = new Set(await db.referrals.where('snap').equals(progress.snapshot).primaryKeys());
          const stale = (await db.referrals.toCollection().primaryKeys()).filter((id) => !fresh.has(id));
          await writeBase(db, [], stale);
        }
        await setMeta(db.meta, 'cursor', page.cursor);
        await setMeta(db.meta, 'snapshot', null);
        await setMeta(db.meta, 'firstSyncDone', true);
        if (page.serverTime) await setMeta(db.meta, 'lastSyncAt', page.serverTime);
      });
    } catch (error) {
      if (isQuotaError(error)) throw new StorageFullError();
      throw error;
    }
    ctx.setStatus({ firstSync: { done: !page.hasMore || firstSyncDone, received: next.received, total: next.total } });
    if (!page.hasMore) return;
    await ctx.fault('snapshot:between-pages');
  }
}
