import { z } from 'zod';
import { parseReferral, STAGES, TABS, type Referral } from '../../src-shared/index';
import type { Principal } from '../auth/identity-repo';
import type { Queryable } from '../db/driver';
import { HttpError, parseInput } from '../http/errors';
import { visibilitySql } from '../referrals/visibility';
import { compileFilter } from './odata-filter';

// The one list query behind the resource API list and the CSV export: tenancy, the caller's
// visibility, `$filter`, the tab/stage shortcuts, and keyset paging over (time, id) so a page
// never re-reads what came before (no OFFSET, any depth costs the same).

export const MAX_TOP = 1000;
export const DEFAULT_TOP = 100;

const ORDER_COLUMNS = { createddatetime: 'created_at', updateddatetime: 'updated_at' } as const;
type OrderKey = keyof typeof ORDER_COLUMNS;

export const ListQuerySchema = z.object({
  $filter: z.string().max(2000).optional(),
  $orderby: z
    .string()
    .regex(
      /^\s*(createdDateTime|updatedDateTime)(\s+(asc|desc))?\s*$/i,
      'must be createdDateTime or updatedDateTime, then asc or desc',
    )
    .optional(),
  $top: z.coerce.number().int().min(1).max(MAX_TOP).optional(),
  $skiptoken: z.string().max(1000).optional(),
  tab: z.enum(TABS).optional(),
  stage: z.enum(STAGES).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export interface Ordering {
  key: OrderKey;
  direction: 'asc' | 'desc';
}

export interface Position {
  at: string;
  id: string;
}

const TokenSchema = z.object({
  o: z.enum(['createddatetime', 'updateddatetime']),
  d: z.enum(['asc', 'desc']),
  t: z.string(),
  i: z.string(),
});

export function orderingOf(orderby: string | undefined): Ordering {
  const [field = 'createdDateTime', dir = 'desc'] = (orderby ?? '')
    .trim()
    .split(/\s+/)
    .filter((s) => s !== '');
  return { key: field.toLowerCase() as OrderKey, direction: dir.toLowerCase() === 'asc' ? 'asc' : 'desc' };
}

/** The opaque continuation: where the last page ended, under which ordering. */
export function encodeSkipToken(ordering: Ordering, position: Position): string {
  return Buffer.from(
    JSON.stringify({ o: ordering.key, d: ordering.direction, t: position.at, i: position.id }),
  ).toString('base64url');
}

export function decodeSkipToken(token: string, ordering: Ordering): Position {
  const invalid = new HttpError(
    400,
    'invalid_request',
    'Invalid $skiptoken: use the @odata.nextLink as given.',
    {
      details: [{ field: '$skiptoken', message: 'not a continuation of this listing' }],
    },
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const result = TokenSchema.safeParse(parsed);
  if (!result.success || result.data.o !== ordering.key || result.data.d !== ordering.direction)
    throw invalid;
  if (!Number.isFinite(Date.parse(result.data.t))) throw invalid;
  return { at: result.data.t, id: result.data.i };
}

export function parseListQuery(query: unknown): ListQuery {
  return parseInput(ListQuerySchema, query, 'query');
}

export interface ListPage {
  referrals: Referral[];
  /** Where to continue, or null when this was the last page. */
  next: Position | null;
}

/** One page of the caller's visible referrals matching `query`, after `after`. */
export async function listPage(
  db: Queryable,
  principal: Principal,
  query: Pick<ListQuery, '$filter' | 'tab' | 'stage'>,
  ordering: Ordering,
  after: Position | null,
  limit: number,
): Promise<ListPage> {
  const params: unknown[] = [principal.orgId];
  const conditions = ['r.org_id = $1', 'NOT r.deleted'];
  const visibility = visibilitySql(principal, params.length + 1);
  conditions.push(visibility.sql);
  params.push(...visibility.params);
  const filter = compileFilter(query.$filter, params.length + 1);
  conditions.push(filter.sql);
  params.push(...filter.params);
  if (query.tab) {
    params.push(query.tab);
    conditions.push(`r.tab = $${params.length}`);
  }
  if (query.stage) {
    params.push(query.stage);
    conditions.push(`r.stage = $${params.length}`);
  }
  const column = `r.${ORDER_COLUMNS[ordering.key]}`;
  const cmp = ordering.direction === 'asc' ? '>' : '<';
  if (after) {
    params.push(after.at, after.id);
    conditions.push(`(${column}, r.id) ${cmp} ($${params.length - 1}::timestamptz, $${params.length}::text)`);
  }
  params.push(limit + 1);
  const dir = ordering.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = await db.query<{ data: unknown }>(
    `SELECT r.data FROM referrals r WHERE ${conditions.join(' AND ')}
      ORDER BY ${column} ${dir}, r.id ${dir} LIMIT $${params.length}`,
    params,
  );
  const referrals: Referral[] = [];
  for (const row of rows.slice(0, limit)) {
    const parsed = parseReferral(row.data);
    if (parsed.success) referrals.push(parsed.data);
  }
  const last = rows.length > limit ? (rows[limit - 1]?.data as Referral | undefined) : undefined;
  const next = last
    ? { at: ordering.key === 'createddatetime' ? last.createdDateTime : last.updatedDateTime, id: last.id }
    : null;
  return { referrals, next };
}
