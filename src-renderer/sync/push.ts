import type { OutboxRow } from '../db/rows';
import { getMeta, setMeta } from '../db/meta';
import type { EngineContext } from './context';
import { MAX_PUSH_BATCH, SCHEMA_VERSION, type PushResponse } from './protocol';
import { clockOffsetOf, failure, FatalSyncError, TransientError } from './errors';

// Push: the outbox in seq order, in contiguous batches starting at the first row without an
// answer. Rows already answered inside a batch are sent again on purpose: the service replays
// their stored outcome, and a contiguous batch can never look like a gap.

async function batchFrom(ctx: EngineContext, from: number | null, size: number): Promise<OutboxRow[]> {
  let start = from;
  if (start === null) {
    const first = await ctx.db.outbox
      .orderBy('seq')
      .filter((r) => r.outcome === undefined)
      .first();
    if (!first) return [];
    start = first.seq;
  }
  return ctx.db.outbox.where('seq').aboveOrEqual(start).limit(size).toArray();
}

/** Pushes until every outbox row has an answer. Throws the loop's errors (transient, auth, fatal). */
export async function pushAll(ctx: EngineContext): Promise<number> {
  let from: number | null = null;
  let size = MAX_PUSH_BATCH;
  let answered = 0;
  let stalls = 0;
  for (;;) {
    const rows = await batchFrom(ctx, from, size);
    const first = rows[0];
    if (!first) return answered;
    if (from !== null && first.seq !== from) {
      // The service expects a seq this device no longer has: only a service that lost data can ask that.
      throw new FatalSyncError(
        'seq_gap',
        `the service expects seq ${from}, the outbox starts at ${first.seq}`,
      );
    }
    ctx.setStatus({ phase: 'pushing' });
    await ctx.fault('push:before-send');
    const result = await ctx.http.push({
      deviceId: ctx.deviceId,
      schemaVersion: SCHEMA_VERSION,
      clientTime: new Date(ctx.nowMs()).toISOString(),
      mutations: rows.map((r) => ({
        seq: r.seq,
        id: r.id,
        name: r.name,
        args: r.args,
        createdAt: r.createdAt,
      })),
    });
    await ctx.fault('push:after-response');
    if (result.kind === 'ok') {
      ctx.setStatus({ online: true });
      const newly = await recordResults(
        ctx,
        result.body,
        clockOffsetOf(result.body.serverTime, result.sentAt, result.receivedAt),
      );
      answered += newly;
      from = null;
      stalls = newly === 0 ? stalls + 1 : 0;
      if (stalls >= 3)
        throw new TransientError('the service answered none of the pushed mutations', null, false);
      continue;
    }
    if (result.kind === 'seq_gap') {
      if (from === result.expectedSeq) throw failure(result);
      from = result.expectedSeq;
      continue;
    }
    if (result.kind === 'fatal' && result.status === 413 && size > 1) {
      size = Math.ceil(size / 2);
      continue;
    }
    if (result.kind === 'transient' && result.network) ctx.setStatus({ online: false });
    throw failure(result);
  }
}

/** Stores each answer on its outbox row (the row stays until a pull shows its effect). */
async function recordResults(ctx: EngineContext, body: PushResponse, offset: number | null): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    let newly = 0;
    const rows = await db.outbox.bulkGet(body.results.map((r) => r.seq));
    const updates: OutboxRow[] = [];
    body.results.forEach((result, i) => {
      const row = rows[i];
      if (!row || row.outcome !== undefined) return;
      newly++;
      const next: OutboxRow = { ...row, outcome: result.outcome };
      if (result.reason) next.reason = result.reason;
      if (result.conflicts) next.conflicts = result.conflicts;
      updates.push(next);
    });
    await db.outbox.bulkPut(updates);
    if (body.lastAckSeq > (await getMeta(db.meta, 'lastAckSeq')))
      await setMeta(db.meta, 'lastAckSeq', body.lastAckSeq);
    if (offset !== null) await setMeta(db.meta, 'clockOffsetMs', offset);
    return newly;
  });
}
