import { baseTables, writeBase } from '../db/base-writes';
import { toReferralRow } from '../db/lean';
import { getMeta, setMeta, type SnapshotProgress } from '../db/meta';
import { isQuotaError } from '../db/storage-errors';
import type { EngineContext } from './context';
import { failure, StorageFullError } from './errors';
import type { HttpResult } from './http';
import type { SnapshotPage } from './protocol';
import { SEARCH_CHUNK_PREFIX, type ReferralRow } from '../db/rows';

// The first sync (and every reset) downloads the service's pinned snapshot page by page. Each
// page is one transaction that also records the next page to fetch, so a crash resumes at the
// next page. Rows are stamped with the snapshot id; at the end, rows the snapshot did not contain
// are deleted. The outbox is never touched.

/** The service numbers snapshot pages from 0. */
export const FIRST_SNAPSHOT_PAGE = 0;

export async function startSnapshot(
  ctx: EngineContext,
  snapshot: string,
  total: number | null,
): Promise<void> {
  await ctx.db.transaction('rw', [ctx.db.meta, ctx.db.referrals], async () => {
    // On an empty base (the first sync) nothing can be stale: skip the stamps and the sweep.
    const stamp = (await ctx.db.referrals.limit(1).primaryKeys()).length > 0;
    const progress: SnapshotProgress = {
      snapshot,
      nextPage: FIRST_SNAPSHOT_PAGE,
      received: 0,
      total,
      cursor: null,
      stamp,
    };
    await setMeta(ctx.db.meta, 'snapshot', progress);
  });
}

const chunkPrefix = (snapshot: string) => `${SEARCH_CHUNK_PREFIX}${snapshot}:`;

export async function runSnapshot(ctx: EngineContext): Promise<void> {
  const { db } = ctx;
  // The next page is fetched (and parsed) while the current one is written: the service's time
  // and IndexedDB's commit overlap instead of adding up. A prefetch never throws (HTTP results
  // are values) and is only used for the page the progress asks for next.
  let prefetch: { snapshot: string; page: number; result: Promise<HttpResult<SnapshotPage>> } | null = null;
  for (;;) {
    const progress = await getMeta(db.meta, 'snapshot');
    if (!progress) return;
    const firstSyncDone = await getMeta(db.meta, 'firstSyncDone');
    ctx.setStatus({
      phase: 'snapshot',
      firstSync: { done: firstSyncDone, received: progress.received, total: progress.total },
    });
    const ahead: typeof prefetch = prefetch;
    prefetch = null;
    const result = await (ahead && ahead.snapshot === progress.snapshot && ahead.page === progress.nextPage
      ? ahead.result
      : ctx.http.snapshotPage(progress.snapshot, progress.nextPage));
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
    if (page.hasMore)
      prefetch = {
        snapshot: progress.snapshot,
        page: progress.nextPage + 1,
        result: ctx.http.snapshotPage(progress.snapshot, progress.nextPage + 1),
      };
    const nowIso = new Date(ctx.nowMs()).toISOString();
    const snap = progress.stamp ? progress.snapshot : undefined;
    const rows = page.changes.map((item) =>
      toReferralRow(item.data, item.version, { snap, receivedAt: nowIso }),
    );
    // On an empty base a row unchanged since the pin is in exactly one page, so it cannot be in
    // the base yet; only rows changed since (which may move between pages) need the lookup.
    const pinned = page.version;
    const knownAbsent =
      !progress.stamp && typeof pinned === 'number' ? (row: ReferralRow) => row.version <= pinned : undefined;
    const next: SnapshotProgress = {
      ...progress,
      nextPage: progress.nextPage + 1,
      received: progress.received + rows.length,
      total: page.total ?? progress.total,
      cursor: page.cursor,
    };
    try {
      await db.transaction('rw', [...baseTables(db)], async () => {
        await writeBase(db, rows, [], {
          knownAbsent,
          searchChunkId: `${chunkPrefix(progress.snapshot)}${progress.nextPage}`,
        });
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
        // Every row of the base now has its search entry in this snapshot's chunks (or is gone):
        // older snapshots' chunks are superseded.
        const chunks = await db.search.where('id').startsWith(SEARCH_CHUNK_PREFIX).primaryKeys();
        await db.search.bulkDelete(chunks.filter((id) => !id.startsWith(chunkPrefix(progress.snapshot))));
        await setMeta(db.meta, 'cursor', page.cursor);
        await setMeta(db.meta, 'snapshot', null);
        await setMeta(db.meta, 'firstSyncDone', true);
        if (page.serverTime) await setMeta(db.meta, 'lastSyncAt', page.serverTime);
      });
    } catch (error) {
      if (isQuotaError(error)) throw new StorageFullError();
      throw error;
    }
    ctx.setStatus({
      firstSync: { done: !page.hasMore || firstSyncDone, received: next.received, total: next.total },
    });
    if (!page.hasMore) return;
    await ctx.fault('snapshot:between-pages');
  }
}
