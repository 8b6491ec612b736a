import { STAGES, TABS, type Stage, type Tab } from '../../src-shared';
import type { PartnerDeskDb } from './schema';
import type { OutboxRow, ReferralRow, SyncIssueRow } from './rows';
import { countKey, favKey } from './rows';
import { toReferralRow } from './lean';
import { applyPending, loadOverlayContext, pendingByReferral, type VisibleReferral } from './visible';
import {
  baseTotal,
  cmpKeys,
  collectionOf,
  resolveSpec,
  type IndexKey,
  type ListSpec,
  type ResolvedSpec,
} from './list-spec';

// Read models for the UI, each cheap enough to re-run inside liveQuery on every change: lists are
// read a page at a time through an index, counts come from the counts table, and pending work
// (a small set) is overlaid on top.

export interface ListPage {
  rows: VisibleReferral[];
  total: number;
}

interface Affected {
  base: ReferralRow | undefined;
  visible: VisibleReferral | null;
  visibleRow: ReferralRow | null;
}

async function loadAffected(db: PartnerDeskDb, deviceNow?: Date): Promise<Map<string, Affected>> {
  const pending = await pendingByReferral(db);
  if (pending.size === 0) return new Map();
  const ids = [...pending.keys()];
  const [bases, ctx] = await Promise.all([db.referrals.bulkGet(ids), loadOverlayContext(db, deviceNow)]);
  const out = new Map<string, Affected>();
  ids.forEach((id, i) => {
    const base = bases[i];
    const visible = applyPending(base, pending.get(id) ?? [], ctx);
    const visibleRow =
      base && visible ? toReferralRow(visible.referral, base.version, { receivedAt: base.receivedAt }) : null;
    out.set(id, { base, visible, visibleRow });
  });
  return out;
}

const before = (spec: ResolvedSpec, a: IndexKey, b: IndexKey) =>
  spec.descending ? cmpKeys(a, b) > 0 : cmpKeys(a, b) < 0;

/**
 * One page of a list. Referrals that pending work moves into the list are shown first (the
 * user's recent changes); those it moves out are skipped with exact offset arithmetic, so pages
 * never repeat or lose a row.
 */
export async function listPage(
  db: PartnerDeskDb,
  spec: ListSpec,
  offset: number,
  limit: number,
  deviceNow?: Date,
): Promise<ListPage> {
  const r = resolveSpec(spec);
  const [affected, total0] = await Promise.all([loadAffected(db, deviceNow), baseTotal(db, r)]);
  const outKeys: IndexKey[] = [];
  const movedIn: { key: IndexKey; v: VisibleReferral }[] = [];
  for (const a of affected.values()) {
    const baseIn = a.base !== undefined && r.matches(a.base);
    const visIn = a.visibleRow !== null && r.matches(a.visibleRow);
    const same = baseIn && visIn && cmpKeys(r.keyOf(a.base!), r.keyOf(a.visibleRow!)) === 0;
    if (baseIn && !same) outKeys.push(r.keyOf(a.base!));
    if (visIn && !same && a.visible) movedIn.push({ key: r.keyOf(a.visibleRow!), v: a.visible });
  }
  movedIn.sort((x, y) => (before(r, x.key, y.key) ? -1 : 1));
  const rows: VisibleReferral[] = movedIn.slice(offset, offset + limit).map((m) => m.v);
  const want = limit - rows.length;
  if (want > 0) {
    const b = Math.max(0, offset - movedIn.length);
    const outSet = new Set(outKeys.map((k) => k[k.length - 1] as string));
    // Find base position j whose visible position is b: j = b + (rows moved out before j).
    let j = b;
    let block: ReferralRow[] = [];
    for (let guard = 0; guard <= outKeys.length; guard++) {
      block = await collectionOf(db, r)
        .offset(j)
        .limit(want + outKeys.length)
        .toArray();
      const first = block[0];
      if (!first) break;
      const m = outKeys.filter((k) => before(r, k, r.keyOf(first))).length;
      if (b + m === j) break;
      j = b + m;
    }
    for (const row of block) {
      if (rows.length >= limit) break;
      if (outSet.has(row.id)) continue;
      rows.push(affected.get(row.id)?.visible ?? { referral: row.doc, version: row.version, pending: [] });
    }
  }
  return { rows, total: total0 - outKeys.length + movedIn.length };
}

export interface Counts {
  byTab: Record<Tab, Record<Stage, number>>;
  byStage: Record<Stage, number>;
  favorites: Record<Tab, number>;
  favoritesTotal: number;
}

/** Per tab × stage and favorites, from the counts table plus the pending deltas: never a scan. */
export async function countsQuery(db: PartnerDeskDb, deviceNow?: Date): Promise<Counts> {
  const [rows, affected] = await Promise.all([db.counts.toArray(), loadAffected(db, deviceNow)]);
  const n = new Map(rows.map((row) => [row.key, row.n]));
  const bump = (row: ReferralRow, sign: number) => {
    n.set(countKey(row.tab, row.stage), (n.get(countKey(row.tab, row.stage)) ?? 0) + sign);
    if (row.fav === 1) n.set(favKey(row.tab), (n.get(favKey(row.tab)) ?? 0) + sign);
  };
  for (const a of affected.values()) {
    if (a.base && a.visibleRow) {
      bump(a.base, -1);
      bump(a.visibleRow, +1);
    }
  }
  const byTab = {} as Counts['byTab'];
  const byStage = { received: 0, accepted: 0, archived: 0 } as Counts['byStage'];
  const favorites = {} as Counts['favorites'];
  let favoritesTotal = 0;
  for (const tab of TABS) {
    byTab[tab] = { received: 0, accepted: 0, archived: 0 };
    for (const stage of STAGES) {
      const value = n.get(countKey(tab, stage)) ?? 0;
      byTab[tab][stage] = value;
      byStage[stage] += value;
    }
    favorites[tab] = n.get(favKey(tab)) ?? 0;
    favoritesTotal += favorites[tab];
  }
  return { byTab, byStage, favorites, favoritesTotal };
}

export interface PendingSummary {
  /** Actions not yet answered by the service. */
  count: number;
  /** Device time of the oldest one (null when nothing waits). */
  oldestCreatedAt: string | null;
}

export async function pendingSummary(db: PartnerDeskDb): Promise<PendingSummary> {
  let count = 0;
  let oldest: OutboxRow | undefined;
  await db.outbox.each((row) => {
    if (row.outcome !== undefined) return;
    count++;
    if (!oldest || row.seq < oldest.seq) oldest = row;
  });
  return { count, oldestCreatedAt: oldest?.createdAt ?? null };
}

export async function syncIssuesQuery(db: PartnerDeskDb): Promise<SyncIssueRow[]> {
  const rows = await db.syncIssues.toArray();
  return rows.sort((a, b) => b.seq - a.seq);
}

/** Visible copies of the given referrals, in the given order (search results, notifications). */
export async function visibleByIds(
  db: PartnerDeskDb,
  ids: readonly string[],
  deviceNow?: Date,
): Promise<VisibleReferral[]> {
  const [bases, affected] = await Promise.all([db.referrals.bulkGet([...ids]), loadAffected(db, deviceNow)]);
  const out: VisibleReferral[] = [];
  bases.forEach((row, i) => {
    if (!row) return;
    out.push(
      affected.get(ids[i] as string)?.visible ?? { referral: row.doc, version: row.version, pending: [] },
    );
  });
  return out;
}
