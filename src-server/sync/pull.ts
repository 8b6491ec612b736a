import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { HttpError, parseInput } from '../http/errors';
import { visibilityScope, visibilitySql } from '../referrals/visibility';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { objectWithChanges, type RawChange } from './json-text';
import { createSnapshot, pageCountOf } from './snapshot';
import { PullBodySchema } from './sync-schemas';

// POST /v1/sync/pull. Rows are read in (version, id) order after the cursor, in one read-only
// snapshot together with the device's outcomes and last seq. Versions commit in order (they are
// allocated under the organization's row lock, held to commit), so everything at or below the
// organization's version is visible and a page never skips a change. A referral changed several
// times since the cursor is sent once, at its latest version. For a member, a row that is not
// visible now but could have been before becomes a `delete`.

interface PullRow {
  id: string;
  version: number;
  deleted: boolean;
  visible: boolean;
  was_visible: boolean;
  data: string | null;
}

export type PullAnswer = { kind: 'json'; body: string } | { kind: 'reset'; body: Record<string, unknown> };

function usableCursor(ctx: ServiceContext, principal: Principal, text: string | null): Cursor | null {
  if (text === null) return null;
  const cursor = decodeCursor(text);
  if (!cursor) return null;
  if (
    cursor.epoch !== ctx.meta.epoch ||
    cursor.orgId !== principal.orgId ||
    cursor.scope !== visibilityScope(principal)
  )
    return null;
  return cursor;
}

export async function handlePull(
  ctx: ServiceContext,
  principal: Principal,
  body: unknown,
): Promise<PullAnswer> {
  const request = parseInput(PullBodySchema, body);
  const limit = Math.min(request.limit ?? ctx.config.pullPageLimit, ctx.config.pullPageLimit);
  const cursor = usableCursor(ctx, principal, request.cursor);
  const serverTime = () => ctx.now().toISOString();
  if (!cursor) {
    const owner = await ctx.db.query<{ user_id: string }>('SELECT user_id FROM devices WHERE id = $1', [
      request.deviceId,
    ]);
    if (owner[0] && owner[0].user_id !== principal.userId) throw deviceForbidden();
    return reset(ctx, principal, serverTime);
  }

  const answer = await ctx.db.tx(
    async (tx) => {
      const org = await tx.query<{ version: number }>('SELECT version FROM organizations WHERE id = $1', [
        principal.orgId,
      ]);
      const maxVersion = org[0]?.version ?? 0;
      // A cursor from the future belongs to another database with the same epoch: start over.
      if (cursor.version > maxVersion) return null;
      const device = await tx.query<{ user_id: string; last_seq: number }>(
        'SELECT user_id, last_seq FROM devices WHERE id = $1',
        [request.deviceId],
      );
      if (device[0] && device[0].user_id !== principal.userId) {
        throw deviceForbidden();
      }
      const now = visibilitySql(principal, 2);
      const was = visibilitySql(principal, 2 + now.params.length, 'was');
      const params: unknown[] = [
        principal.orgId,
        ...now.params,
        ...was.params,
        maxVersion,
        limit + 1,
        cursor.version,
      ];
      const n = params.length;
      const after =
        cursor.afterId === null
          ? `r.version > $${n}`
          : `(r.version, r.id) > ($${n}::bigint, $${n + 1}::text)`;
      if (cursor.afterId !== null) params.push(cursor.afterId);
      const rows = await tx.query<PullRow>(
        `SELECT r.id, r.version, r.deleted, ${now.sql} AS visible, ${was.sql} AS was_visible,
                CASE WHEN r.deleted THEN NULL ELSE r.data::text END AS data
           FROM referrals r
          WHERE r.org_id = $1 AND ${after} AND r.version <= $${n - 2}
          ORDER BY r.version, r.id LIMIT $${n - 1}`,
        params,
      );
      const hasMore = rows.length > limit;
      const page = hasMore ? rows.slice(0, limit) : rows;
      let next: Cursor;
      let outcomesUpTo: number;
      const lastRow = page.at(-1);
      if (hasMore && lastRow) {
        const splitsVersion = rows[limit]?.version === lastRow.version;
        next = { ...cursor, version: lastRow.version, afterId: splitsVersion ? lastRow.id : null };
        outcomesUpTo = splitsVersion ? lastRow.version - 1 : lastRow.version;
      } else {
        next = { ...cursor, version: maxVersion, afterId: null };
        outcomesUpTo = maxVersion;
      }
      // Outcomes whose version this page completes (a cursor inside version v has not completed v).
      const outcomesFrom = cursor.afterId === null ? cursor.version : cursor.version - 1;
      const outcomes = await tx.query<{
        seq: number;
        outcome: string;
        reason: string | null;
        at_version: number;
        extra: Record<string, unknown>;
      }>(
        `SELECT seq, outcome, reason, at_version, extra FROM push_results
          WHERE device_id = $1 AND at_version > $2 AND at_version <= $3 ORDER BY seq`,
        [request.deviceId, outcomesFrom, outcomesUpTo],
      );
      const changes: RawChange[] = [];
      for (const row of page) {
        if (!row.deleted && row.visible && row.data !== null)
          changes.push({ id: row.id, version: row.version, op: 'upsert', data: row.data });
        else if (row.deleted || row.was_visible)
          changes.push({ id: row.id, version: row.version, op: 'delete' });
      }
      return objectWithChanges(changes, {
        outcomes: outcomes.map((o) => ({
          seq: o.seq,
          outcome: o.outcome,
          ...(o.reason ? { reason: o.reason } : {}),
          atVersion: o.at_version,
          ...o.extra,
        })),
        lastAckSeq: device[0]?.last_seq ?? 0,
        cursor: encodeCursor(next),
        hasMore,
        serverTime: serverTime(),
      });
    },
    { readOnlySnapshot: true },
  );
  return answer === null ? reset(ctx, principal, serverTime) : { kind: 'json', body: answer };
}

async function reset(
  ctx: ServiceContext,
  principal: Principal,
  serverTime: () => string,
): Promise<PullAnswer> {
  const snapshot = await createSnapshot(ctx, principal);
  return {
    kind: 'reset',
    body: {
      reset: true,
      snapshot: snapshot.id,
      pageCount: pageCountOf(snapshot),
      total: snapshot.total,
      serverTime: serverTime(),
    },
  };
}

const deviceForbidden = () =>
  new HttpError(403, 'device_forbidden', 'This device is registered to another user.');
