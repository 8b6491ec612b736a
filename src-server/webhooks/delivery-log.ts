import { z } from 'zod';
import type { Queryable } from '../db/driver';

// The listable log of one target's deliveries (a webhook subscription or an alert rule), newest
// first, each with every attempt: status code, error, duration, attempt number, next retry.

export const DeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

interface DeliveryRow {
  id: number;
  event_name: string;
  referral_id: string;
  state: string;
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

interface AttemptRow {
  delivery_id: number;
  attempt: number;
  started_at: Date | string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  outcome: string;
  next_retry_at: Date | string | null;
}

export async function listDeliveries(
  db: Queryable,
  orgId: string,
  sink: 'webhook' | 'email',
  targetId: string,
  query: z.infer<typeof DeliveryQuerySchema>,
) {
  const deliveries = await db.query<DeliveryRow>(
    `SELECT id, event_name, referral_id, state, attempts, next_attempt_at, last_error, created_at, finished_at
       FROM outbound_deliveries WHERE org_id = $1 AND sink = $2 AND target_id = $3 AND ($4::bigint IS NULL OR id < $4)
      ORDER BY id DESC LIMIT $5`,
    [orgId, sink, targetId, query.before ?? null, query.limit],
  );
  const attempts =
    deliveries.length === 0
      ? []
      : await db.query<AttemptRow>(
          `SELECT delivery_id, attempt, started_at, duration_ms, status_code, error, outcome, next_retry_at
           FROM outbound_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY delivery_id, id`,
          [deliveries.map((d) => d.id)],
        );
  return {
    value: deliveries.map((d) => ({
      id: d.id,
      eventName: d.event_name,
      referralId: d.referral_id,
      state: d.state,
      attempts: d.attempts,
      nextAttemptAt: d.state === 'pending' ? iso(d.next_attempt_at) : null,
      lastError: d.last_error,
      createdAt: iso(d.created_at),
      finishedAt: iso(d.finished_at),
      attemptLog: attempts
        .filter((a) => a.delivery_id === d.id)
        .map((a) => ({
          attempt: a.attempt,
          startedAt: iso(a.started_at),
          durationMs: a.duration_ms,
          statusCode: a.status_code,
          error: a.error,
          outcome: a.outcome,
          nextRetryAt: iso(a.next_retry_at),
        })),
    })),
    ...(deliveries.length === query.limit ? { nextBefore: deliveries[deliveries.length - 1]?.id } : {}),
  };
}

/** The newest referral_events id of an organization: targets created now start after it. */
export async function currentEventId(db: Queryable, orgId: string): Promise<number> {
  const rows = await db.query<{ id: number | null }>(
    'SELECT max(id) AS id FROM referral_events WHERE org_id = $1',
    [orgId],
  );
  return Number(rows[0]?.id ?? 0);
}
