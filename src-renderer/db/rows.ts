import type { z } from 'zod';
import type { ArchiveOutcome, Referral, Stage, Tab } from '../../src-shared';
import type { FieldConflictSchemaLoose, OutcomeSchema } from './row-schemas';

// The shapes stored in IndexedDB. Referral rows are lean (only what the indexes and the list
// need) plus the service's document; every other table is small.

/** Sorts after every ISO date: rows without a deadline go last in deadline order. */
export const NO_DEADLINE = '~';

/** The deal value of a referral without one: below every real value, so last in value order. */
export const NO_VALUE = -1;

export interface ReferralRow {
  id: string;
  tab: Tab;
  stage: Stage;
  /** Received: the response deadline; Accepted: the closing date; else NO_DEADLINE. */
  deadline: string;
  createdAt: string;
  /** Archived referrals only: how they ended (sparse: open ones stay out of the outcome indexes). */
  outcome?: ArchiveOutcome;
  /** The deal value, or NO_VALUE (value order). Absent only on rows not yet upgraded to version 4. */
  value: number;
  /**
   * 1 = favorite; absent otherwise, so that the favorite indexes are sparse (IndexedDB leaves a
   * row out of an index whose key it lacks, and every index entry costs write time).
   */
  fav?: 1;
  /** The service version of this copy. */
  version: number;
  /** The snapshot that wrote this row, only during a reset over existing rows (sparse index). */
  snap?: string;
  /** When this copy first reached this device (lower bound of a pending action's time). */
  receivedAt: string;
  doc: Referral;
}

export type Outcome = z.infer<typeof OutcomeSchema>;

export interface OutboxRow {
  /** Per device, gap-free, allocated in the same transaction as the row. */
  seq: number;
  /** The mutation id (uuid) sent to the service. */
  id: string;
  name: string;
  args: unknown;
  referralId: string;
  /** Device clock when the user acted: evidence for deadline questions only. */
  createdAt: string;
  /** Known once the service answered (push result or pull outcome). */
  outcome?: Outcome;
  reason?: string;
  conflicts?: z.infer<typeof FieldConflictSchemaLoose>[];
  atVersion?: number;
}

export interface SyncIssueRow {
  /** The mutation id. */
  id: string;
  seq: number;
  name: string;
  args: unknown;
  referralId: string;
  reason: string;
  conflicts?: z.infer<typeof FieldConflictSchemaLoose>[];
  /** The service's current copy when the rejection reached this device (null: not visible). */
  serviceCopy: Referral | null;
  createdAt: string;
  recordedAt: string;
}

/** A note being typed: kept across reloads until it is sent (then it becomes an outbox row). */
export interface NoteDraftRow {
  id: string;
  referralId: string;
  text: string;
  updatedAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Maintained on every base write: `t:<tab>:<stage>` and `f:<tab>` (favorites). */
export interface CountRow {
  key: string;
  n: number;
}

/**
 * One compact row per referral for the in-memory search index; `gone` rows are tombstones. A
 * snapshot page writes one chunk row instead (`chunk` set; id, text, tab and stage then describe
 * nothing): one put instead of 2,000. The newest `rev` per referral wins, whichever row holds it.
 */
export interface SearchRow {
  id: string;
  text: string;
  tab: Tab;
  stage: Stage;
  rev: number;
  gone: 0 | 1;
  chunk?: SearchChunk;
}

/** Parallel arrays: far cheaper to store and load than one object per referral. */
export interface SearchChunk {
  ids: string[];
  texts: string[];
  tabs: Tab[];
  stages: Stage[];
}

/** Chunk ids sort after referral ids (uuids) and group by snapshot. */
export const SEARCH_CHUNK_PREFIX = '~chunk:';

export const countKey = (tab: Tab, stage: Stage): string => `t:${tab}:${stage}`;
export const favKey = (tab: Tab): string => `f:${tab}`;
