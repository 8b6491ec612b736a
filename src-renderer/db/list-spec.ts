import Dexie, { type Collection } from 'dexie';
import type { ArchiveOutcome, Stage, Tab } from '../../src-shared';
import type { PartnerDeskDb } from './schema';
import { countKey, favKey, type ReferralRow } from './rows';
import { TABS } from '../../src-shared';

// Which index serves which list, and how to compare its keys.

export type ListOrder = 'deadline' | 'newest' | 'oldest';

/** Value order: largest deal first, unknown values last, ties newest first. */
export type StageOrder = ListOrder | 'value';

export type ListSpec =
  /** `outcome` narrows the archive (stage 'archived') to referrals that ended that way. */
  | { kind: 'stage'; tab: Tab; stage: Stage; order: StageOrder; outcome?: ArchiveOutcome }
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
  /** The counts rows whose sum is this list's base total; null: count the index range. */
  countKeys: string[] | null;
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
  if (spec.kind === 'stage') {
    const { tab, stage, outcome } = spec;
    // The archive narrowed by outcome reads the sparse outcome indexes, counted by range.
    const prefixField = outcome ? 'outcome' : 'stage';
    const prefix = outcome ?? stage;
    const prefixOf = (r: ReferralRow): string | number => (outcome ? (r.outcome ?? 0) : r.stage);
    const matches = outcome
      ? (r: ReferralRow) => r.tab === tab && r.outcome === outcome
      : (r: ReferralRow) => r.tab === tab && r.stage === stage;
    const countKeys = outcome ? null : [countKey(tab, stage)];
    if (spec.order === 'value') {
      return {
        index: `[tab+${prefixField}+value+createdAt+id]`,
        lower: [tab, prefix, MIN, MIN, MIN],
        upper: [tab, prefix, MAX, MAX, MAX],
        descending: true,
        keyOf: (r) => [r.tab, prefixOf(r), r.value, r.createdAt, r.id],
        matches,
        countKeys,
      };
    }
    const byDeadline = spec.order === 'deadline';
    const field = byDeadline ? 'deadline' : 'createdAt';
    return {
      index: `[tab+${prefixField}+${field}+id]`,
      lower: [tab, prefix, MIN, MIN],
      upper: [tab, prefix, MAX, MAX],
      descending: spec.order === 'newest',
      keyOf: (r) => [r.tab, prefixOf(r), byDeadline ? r.deadline : r.createdAt, r.id],
      matches,
      countKeys,
    };
  }
  const stage = spec.stage;
  return {
    index: '[stage+deadline+id]',
    lower: [stage, MIN, MIN],
    upper: [stage, MAX, MAX],
    descending: false,
    keyOf: (r) => [r.stage, r.deadline, r.id],
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
  if (spec.countKeys === null) return collectionOf(db, spec).count();
  const rows = await db.counts.bulkGet(spec.countKeys);
  return rows.reduce((sum, r) => sum + (r?.n ?? 0), 0);
}
