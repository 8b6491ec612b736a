import Dexie, { type Collection } from 'dexie';
import type { Stage, Tab } from '../../src-shared';
import type { PartnerDeskDb } from './schema';
import { countKey, favKey, type ReferralRow } from './rows';
import { TABS } from '../../src-shared';

// Which index serves which list, and how to compare its keys.

export type ListOrder = 'deadline' | 'newest' | 'oldest';

export type ListSpec =
  | { kind: 'stage'; tab: Tab; stage: Stage; order: ListOrder }
  | { kind: 'all-tabs'; stage: Stage; order: 'deadline' }
  | { kind: 'favorites'; tab?: Tab; order?: Exclude<ListOrder, 'deadline'> };

export type IndexKey = readonly (string | number)[];

export interface ResolvedSpec {
  index: string;
  lower: IndexKey;
  upper: IndexKey;
  descending: boolean;
  keyOf(row: ReferralRow): IndexKey;
  matches(row: ReferralRow): boolean;
  /** The counts rows whose sum is this list's base total. */
  countKeys: string[];
}

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey as unknown as string;

export function resolveSpec(spec: ListSpec): ResolvedSpec {
  if (spec.kind === 'favorites') {
    const descending = (spec.order ?? 'newest') === 'newest';
    const tabs = spec.tab ? [spec.tab] : [...TABS];
    if (spec.tab) {
      const tab = spec.tab;
      return {
        index: '[fav+tab+createdAt+id]',
        lower: [1, tab, MIN, MIN],
        upper: [1, tab, MAX, MAX],
        descending,
        keyOf: (r) => [r.fav ?? 0, r.tab, r.createdAt, r.id],
        matches: (r) => r.fav === 1 && r.tab === tab,
        countKeys: [favKey(tab)],
      };
    }
    return {
      index: '[fav+createdAt+id]',
      lower: [1, MIN, MIN],
      upper: [1, MAX, MAX],
      descending,
      keyOf: (r) => [r.fav ?? 0, r.createdAt, r.id],
      matches: (r) => r.fav === 1,
      countKeys: tabs.map(favKey),
    };
  }
  const byDeadline = spec.order === 'deadline';
  const field = byDeadline ? 'deadline' : 'createdAt';
  const sortOf = (r: ReferralRow) => (byDeadline ? r.deadline : r.createdAt);
  const descending = spec.order === 'newest';
  const stage = spec.stage;
  if (spec.kind === 'stage') {
    const tab = spec.tab;
    return {
      index: `[tab+stage+${field}+id]`,
      lower: [tab, stage, MIN, MIN],
      upper: [tab, stage, MAX, MAX],
      descending,
      keyOf: (r) => [r.tab, r.stage, sortOf(r), r.id],
      matches: (r) => r.tab === tab && r.stage === stage,
      countKeys: [countKey(tab, stage)],
    };
  }
  return {
    index: `[stage+${field}+id]`,
    lower: [stage, MIN, MIN],
    upper: [stage, MAX, MAX],
    descending,
    keyOf: (r) => [r.stage, sortOf(r), r.id],
    matches: (r) => r.stage === stage,
    countKeys: TABS.map((tab) => countKey(tab, stage)),
  };
}

/** IndexedDB key order for our keys: numbers before strings, strings by UTF-16 code units. */
export function cmpKeys(a: IndexKey, b: IndexKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function collectionOf(db: PartnerDeskDb, spec: ResolvedSpec): Collection<ReferralRow, string> {
  const c = db.referrals.where(spec.index).between(spec.lower, spec.upper, true, true);
  return spec.descending ? c.reverse() : c;
}

export async function baseTotal(db: PartnerDeskDb, spec: ResolvedSpec): Promise<number> {
  const rows = await db.counts.bulkGet(spec.countKeys);
  return rows.reduce((sum, r) => sum + (r?.n ?? 0), 0);
}
