import { z } from 'zod';

// zod schemas for rows that may have been written by an older version of the app.

export const OutcomeSchema = z.enum(['applied', 'noop', 'rejected']);

export const FieldConflictSchemaLoose = z.object({
  field: z.string(),
  yours: z.unknown(),
  theirs: z.unknown(),
});

/** Outbox rows as version 1 wrote them (no referralId, no outcome yet). */
export const OutboxRowV1Schema = z.object({
  seq: z.int().min(1),
  id: z.string().min(1),
  name: z.string().min(1),
  args: z.unknown(),
  createdAt: z.string(),
});

export const OutboxRowSchema = OutboxRowV1Schema.extend({
  referralId: z.string(),
  outcome: OutcomeSchema.optional(),
  reason: z.string().optional(),
  conflicts: z.array(FieldConflictSchemaLoose).optional(),
  atVersion: z.number().optional(),
});

/** Referral rows as version 1 wrote them: the document and a few unindexed fields. */
export const ReferralRowV1Schema = z.object({
  id: z.string().min(1),
  version: z.number().int().nonnegative().catch(0),
  doc: z.unknown(),
});

export const MetaRowSchema = z.object({ key: z.string(), value: z.unknown() });

/** The parts of a version-3 row's document that version 4 indexes (outcome and deal value). */
export const LeanFieldsV3Schema = z.object({
  status: z.string(),
  substatus: z.string(),
  details: z.object({ dealValue: z.number().nullable().catch(null) }),
});
