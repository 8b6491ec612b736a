import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { HttpError } from '../http/errors';
import { visibilityScope, visibilitySql } from '../referrals/visibility';
import { encodeCursor } from './cursor';
import { objectWithChanges, type RawChange } from './json-text';

// GET /v1/sync/snapshot: the first sync (or the one after a reset), pinned at the organization
// version V of its creation, paged and resumable by page number. Open work comes first (Received
// and Accepted before the archive). Each page serves the rows' current data; the page boundaries
// are fixed keys computed at creation, so a row unchanged since V is in exactly one page, and any
// row that changed after V (moved, deleted, lost visibility) is delivered by the pull from V that
// follows the last page.

const SNAPSHOT_TTL_HOURS = 24;

type Key = [archived: boolean, id: string];

interface SnapshotRow {
  id: string;
  org_id: string;
  user_id: string;
  scope: string;
  version: number;
  page_size: number;
  total: number;
  boundaries: Key[];
}

export async function createSnapshot(ctx: ServiceContext, principal: Principal): Promise<SnapshotRow> {
  const pageSize = ctx.config.snapshotPageSize;
  const vis = visibilitySql(principal, 3);
  const { version, boundaries, total } = await ctx.db.tx(
    async (tx) => {
      const org = await tx.query<{ version: number }>('SELECT version FROM organizations WHERE id = $1', [
        principal.orgId,
      ]);
      const keys = await tx.query<{ archived: boolean; id: string; n: number; total: number }>(
        `SELECT archived, id, n, total FROM (
           SELECT (r.stage = 'archived') AS archived, r.id,
                  row_number() OVER (ORDER BY (r.stage = 'archived'), r.id) AS n, count(*) OVER () AS total
             FROM referrals r WHERE r.org_id = $1 AND NOT r.deleted AND ${vis.sql}) numbered
          WHERE n % $2 = 0 OR n = total ORDER BY n`,
        [principal.orgId, pageSize, ...vis.params],
      );
      const count = keys.at(-1)?.total ?? 0;
      // Boundaries of full pages; the last page runs to the end.
      const cut = keys
        .filter((k) => k.n % pageSize === 0 && k.n !== count)
        .map((k): Key => [k.archived, k.id]);
      return { version: org[0]?.version ?? 0, boundaries: cut, total: count };
    },
    { readOnlySnapshot: true },
  );
  const row: SnapshotRow = {
    id: randomUUID(),
    org_id: principal.orgId,
    user_id: principal.userId,
    scope: visibilityScope(principal),
    version,
    page_size: pageSize,
    total,
    boundaries,
  };
  await ctx.db.query(
    `DELETE FROM sync_snapshots WHERE created_at < now() - interval '${SNAPSHOT_TTL_HOURS} hours'`,
  );
  await ctx.db.query(
    `INSERT INTO sync_snapshots (id, org_id, user_id, scope, version, page_size, total, boundaries)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      row.id,
      row.org_id,
      row.user_id,
      row.scope,
      row.version,
      row.page_size,
      row.total,
      JSON.stringify(row.boundaries),
    ],
  );
  return row;
}

export const pageCountOf = (s: Pick<SnapshotRow, 'boundaries'>): number => s.boundaries.length + 1;

async function findSnapshot(ctx: ServiceContext, principal: Principal, id: string): Promise<SnapshotRow> {
  const rows = await ctx.db.query<SnapshotRow>(
    `SELECT id, org_id, user_id, scope, version, page_size, total, boundaries FROM sync_snapshots
      WHERE id = $1 AND org_id = $2 AND user_id = $3`,
    [id, principal.orgId, principal.userId],
  );
  const row = rows[0];
  // Another user's snapshot, an expired one, or a visibility change since: start a new one.
  if (!row || row.scope !== visibilityScope(principal)) {
    throw new HttpError(404, 'snapshot_not_found', 'No such snapshot; start a new one without `snapshot`.');
  }
  return row;
}

/** One page as JSON text. Without a snapshot id, a new snapshot is started and its page 0 served. */
export async function snapshotPage(
  ctx: ServiceContext,
  principal: Principal,
  id: string | undefined,
  page: number,
): Promise<string> {
  const snapshot =
    id === undefined ? await createSnapshot(ctx, principal) : await findSnapshot(ctx, principal, id);
  const pageCount = pageCountOf(snapshot);
  if (page >= pageCount)
    throw new HttpError(404, 'not_found', `The snapshot has ${pageCount} pages (0 to ${pageCount - 1}).`);
  const lower = page === 0 ? null : (snapshot.boundaries[page - 1] ?? null);
  const upper = snapshot.boundaries[page] ?? null;
  const vis = visibilitySql(principal, 2);
  const params: unknown[] = [principal.orgId, ...vis.params];
  let range = '';
  if (lower) {
    params.push(lower[0], lower[1]);
    range += ` AND ((r.stage = 'archived'), r.id) > ($${params.length - 1}::boolean, $${params.length}::text)`;
  }
  if (upper) {
    params.push(upper[0], upper[1]);
    range += ` AND ((r.stage = 'archived'), r.id) <= ($${params.length - 1}::boolean, $${params.length}::text)`;
  }
  const rows = await ctx.db.query<{ id: string; version: number; data: string }>(
    `SELECT r.id, r.version, r.data::text AS data FROM referrals r
      WHERE r.org_id = $1 AND NOT r.deleted AND ${vis.sql}${range}
      ORDER BY (r.stage = 'archived'), r.id`,
    params,
  );
  const changes: RawChange[] = rows.map((r) => ({
    id: r.id,
    version: r.version,
    op: 'upsert',
    data: r.data,
  }));
  const last = page === pageCount - 1;
  return objectWithChanges(changes, {
    snapshot: snapshot.id,
    page,
    pageCount,
    total: snapshot.total,
    version: snapshot.version,
    hasMore: !last,
    nextPage: last ? null : page + 1,
    // After the last page, pull from here: it delivers everything that changed since the pin.
    cursor: encodeCursor({
      epoch: ctx.meta.epoch,
      orgId: principal.orgId,
      scope: snapshot.scope,
      version: snapshot.version,
      afterId: null,
    }),
    serverTime: ctx.now().toISOString(),
  });
}
