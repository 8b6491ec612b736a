import type { Referral } from './referral';
import type { EditableDealField, MutationName } from './mutations';
import { toMs } from './time';

// The types around the lifecycle decision, and the two helpers a caller needs to build its context.

export const REJECT_REASONS = [
  'not_found',
  'already_declined',
  'already_accepted',
  'already_closed',
  'expired',
  'dependency_rejected',
  'invalid_state',
  'invalid_args',
  'conflict',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Actor {
  userId: string;
  displayName: string;
  email: string;
}

export interface DecisionContext {
  /** When the service received the mutation (ISO UTC): the business time of every change. */
  now: string;
  /** The device's createdAt, skew-corrected and clamped (see actionTimeOf): evidence for deadlines only. */
  actionTime: string;
  actor: Actor;
  deviceId: string;
  /** The version the change will be written at; the eTag derives from it. */
  version: number;
  /** Referral ids for which this device had an accept rejected. */
  rejectedAcceptIds?: ReadonlySet<string>;
  /** Version at which each editable deal field last changed. */
  fieldVersions?: Readonly<Partial<Record<EditableDealField, number>>> | Readonly<Record<string, number>>;
}

export interface FieldConflict {
  field: EditableDealField;
  yours: unknown;
  theirs: unknown;
}

export interface StatusPair {
  status: string;
  substatus: string;
}

export interface AuditEntry {
  action: MutationName;
  from: StatusPair;
  to: StatusPair;
  at: string;
  actionTime: string;
  actor: Actor;
  deviceId: string;
  lateArrival?: boolean;
  changedFields?: EditableDealField[];
}

export type Decision =
  | {
      outcome: 'applied';
      referral: Referral;
      lateArrival?: boolean;
      conflicts?: FieldConflict[];
      /** Deal fields written by this change, so the caller can record their fieldVersions. */
      changedFields?: EditableDealField[];
      audit: AuditEntry;
    }
  | { outcome: 'noop'; reason?: string; conflicts?: FieldConflict[] }
  | { outcome: 'rejected'; reason: RejectReason; conflicts?: FieldConflict[] };

export type DecisionOutcome = Decision['outcome'];

/** A weak eTag derived from the service version. */
export function eTagFor(version: number): string {
  return `W/"${version}"`;
}

/**
 * Action time: the device's createdAt corrected by its measured clock offset (server minus
 * device), clamped between when the referral reached the device and when the service received
 * the mutation. An unreadable createdAt counts as the latest possible time (the conservative one).
 */
export function actionTimeOf(input: {
  createdAt: string;
  clockOffsetMs: number;
  receivedOnDeviceAt?: string | null;
  serverReceivedAt: string;
}): string {
  const upper = toMs(input.serverReceivedAt);
  if (!Number.isFinite(upper)) return input.serverReceivedAt;
  const offset = Number.isFinite(input.clockOffsetMs) ? input.clockOffsetMs : 0;
  let at = toMs(input.createdAt) + offset;
  if (!Number.isFinite(at)) at = upper;
  const lower = toMs(input.receivedOnDeviceAt);
  if (Number.isFinite(lower)) at = Math.max(at, Math.min(lower, upper));
  return new Date(Math.min(at, upper)).toISOString();
}
