import { z } from 'zod';
import { ReferralSchema } from '../../src-shared';

// The sync endpoints' bodies (sync-protocol.md section 3), parsed with zod where they enter.
// Objects are loose so that a newer service may add fields without breaking an older client.

export const SCHEMA_VERSION = 1;
export const MAX_PUSH_BATCH = 500;
export const PULL_LIMIT = 500;

export const OutcomeNameSchema = z.enum(['applied', 'noop', 'rejected']);

const ConflictSchema = z.looseObject({ field: z.string(), yours: z.unknown(), theirs: z.unknown() });

export const PushResultSchema = z.looseObject({
  seq: z.int(),
  outcome: OutcomeNameSchema,
  reason: z.string().nullish(),
  conflicts: z.array(ConflictSchema).nullish(),
  referral: ReferralSchema.nullish(),
});

export const PushResponseSchema = z.looseObject({
  lastAckSeq: z.int().nonnegative(),
  results: z.array(PushResultSchema),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const SeqGapSchema = z.looseObject({ error: z.literal('seq_gap'), expectedSeq: z.int().min(1) });

export const ErrorBodySchema = z.looseObject({
  error: z.string(),
  message: z.string().optional(),
  retryAfter: z.number().optional(),
});

export const ChangeSchema = z.discriminatedUnion('op', [
  z.looseObject({
    entity: z.literal('referral'),
    id: z.string(),
    version: z.number(),
    op: z.literal('upsert'),
    data: ReferralSchema,
  }),
  z.looseObject({
    entity: z.literal('referral'),
    id: z.string(),
    version: z.number(),
    op: z.literal('delete'),
  }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const PullOutcomeSchema = z.looseObject({
  seq: z.int(),
  outcome: OutcomeNameSchema,
  reason: z.string().nullish(),
  conflicts: z.array(ConflictSchema).nullish(),
  atVersion: z.number(),
});
export type PullOutcome = z.infer<typeof PullOutcomeSchema>;

export const PullPageSchema = z.looseObject({
  changes: z.array(ChangeSchema),
  outcomes: z.array(PullOutcomeSchema).default(() => []),
  lastAckSeq: z.int().nonnegative(),
  cursor: z.union([z.string(), z.number()]).transform(String),
  hasMore: z.boolean(),
  serverTime: z.string(),
});
export type PullPage = z.infer<typeof PullPageSchema>;

export const PullResetSchema = z.looseObject({
  reset: z.literal(true),
  snapshot: z.string().min(1),
  total: z.int().nonnegative().nullish(),
  serverTime: z.string().optional(),
});

export const PullResponseSchema = z.union([
  PullResetSchema.transform((r) => ({
    type: 'reset' as const,
    snapshot: r.snapshot,
    total: r.total ?? null,
  })),
  PullPageSchema.transform((page) => ({ type: 'page' as const, page })),
]);
export type PullResponse = z.infer<typeof PullResponseSchema>;

const SnapshotChangeSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  op: z.literal('upsert'),
  data: ReferralSchema,
});

/** One page of a pinned snapshot; pages are numbered from 0, open work first. */
export const SnapshotPageSchema = z.looseObject({
  snapshot: z.string(),
  page: z.int().nonnegative(),
  changes: z.array(SnapshotChangeSchema),
  hasMore: z.boolean(),
  /** The cursor to pull from once the last page is applied. */
  cursor: z.union([z.string(), z.number()]).transform(String),
  total: z.int().nonnegative().nullish(),
  pageCount: z.int().nonnegative().nullish(),
  /** The organization version the snapshot is pinned at. */
  version: z.number().nullish(),
  serverTime: z.string().optional(),
});
export type SnapshotPage = z.infer<typeof SnapshotPageSchema>;

export const AuthTokensSchema = z.looseObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number(),
  user: z.looseObject({
    id: z.string(),
    email: z.string(),
    displayName: z.string().optional(),
    name: z.string().optional(),
  }),
});
export type AuthTokens = z.infer<typeof AuthTokensSchema>;

export interface PushMutationBody {
  seq: number;
  id: string;
  name: string;
  args: unknown;
  createdAt: string;
}
