import { z } from 'zod';
import { IsoUtcSchema } from '../../src-shared/index';

// Request bodies of the sync endpoints (sync-protocol.md section 3). Mutation arguments are not
// checked here: a bad one becomes that mutation's `rejected invalid_args`, never a failed batch.

export const MAX_MUTATIONS_PER_PUSH = 500;
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

const DeviceIdSchema = z.string().trim().min(1).max(200);

export const PushEnvelopeSchema = z.object({
  deviceId: DeviceIdSchema,
  schemaVersion: z.int().min(0),
  clientTime: IsoUtcSchema,
  mutations: z.array(z.unknown()),
});

export const PushMutationEnvelopeSchema = z.object({
  seq: z.int().min(1),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(100),
  args: z.unknown().optional(),
  createdAt: IsoUtcSchema,
});
export type PushMutationEnvelope = z.infer<typeof PushMutationEnvelopeSchema>;

export const PullBodySchema = z.object({
  deviceId: DeviceIdSchema,
  cursor: z.string().max(500).nullable().default(null),
  limit: z.int().min(1).max(10_000).optional(),
});

export const SnapshotQuerySchema = z.object({
  snapshot: z.string().min(1).max(200).optional(),
  page: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
