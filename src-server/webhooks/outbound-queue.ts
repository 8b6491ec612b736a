import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../db/driver';
import type { ReferralEvents } from '../referrals/referral-events';

// One durable outbound queue, two sinks (webhooks, email alerts). The fan-out reads the
// `referral_events` outbox per organization from a cursor row locked with SKIP LOCKED, asks each
// sink which deliveries an event makes, and inserts them idempotently (unique per sink, target,
// event) in the same transaction that moves the cursor. Workers claim due deliveries with
// `FOR UPDATE SKIP LOCKED` and a lease, so several service processes never send one twice at
// once; every attempt is logged, failures retry with exponential backoff and full jitter, and
// after `maxAttempts` a delivery is dead.

export interface EventRow {
  id: number;
  referral_id: string;
  version: number;
  kind: string;
  action: string;
  channel: string;
  tab: string;
  qualification: string;
  created_at: Date | string;
}

export interface PlannedDelivery {
  targetId: string;
  eventId: number;
  eventName: string;
  referralId: string;
  payload: unknown;
}

export interface ClaimedDelivery {
  id: number;
  org_id: string;
  target_id: string;
  event_name: string;
  referral_id: string;
  payload: unknown;
  attempts: number;
}

export type SendResult =
  { ok: true; statusCode?: number } | { ok: false; statusCode?: number; error: string; permanent?: boolean };

export interface Sink {
  readonly name: 'webhook' | 'email';
  /** Organizations that have at least one active target. */
  activeOrgs(db: Queryable): Promise<string[]>;
  /** The deliveries a page of one organization's events makes (inside the fan-out transaction). */
  plan(tx: Queryable, orgId: string, events: readonly EventRow[]): Promise<PlannedDelivery[]>;
  /** Sends one delivery; never throws. */
  send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<SendResult>;
}

export interface QueueSettings {
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** How long a claim hides a delivery from other workers. */
  leaseMs: number;
  batchSize: number;
}

const FANOUT_PAGE = 500;

/** Exponential backoff with full jitter: uniform in [delay/2, delay], delay doubling per attempt. */
export function backoffMs(
  attempt: number,
  settings: Pick<QueueSettings, 'retryBaseMs' | 'retryMaxMs'>,
  random = Math.random,
): number {
  const delay = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay / 2 + random() * (delay / 2));
}

export class OutboundQueue {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly sinks: readonly Sink[],
    private readonly settings: QueueSettings,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(events: ReferralEvents): void {
    this.stopped = false;
    this.unsubscribe = events.on(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now (or right after the one in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.runOnce();
        } catch (error) {
          this.log.warn({ err: error }, 'outbound queue pass failed');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    this.abort.abort();
    await this.running;
  }

  /** One pass: fan out every organization's new events, then send what is due. */
  async runOnce(): Promise<void> {
    const orgs = new Set<string>();
    for (const sink of this.sinks) for (const org of await sink.activeOrgs(this.db)) orgs.add(org);
    for (const org of orgs) while (!this.stopped && (await this.fanOut(org)) === FANOUT_PAGE);
    while (!this.stopped) {
      const claimed = await this.claim();
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((d) => this.deliver(d)));
    }
  }

  /** Reads one page of events after the organization's cursor; returns how many it read. */
  private fanOut(orgId: string): Promise<number> {
    return this.db.tx(async (tx) => {
      await tx.query(
        'INSERT INTO outbound_cursors (org_id, last_event_id) VALUES ($1, 0) ON CONFLICT (org_id) DO NOTHING',
        [orgId],
      );
      const cursor = await tx.query<{ last_event_id: number }>(
        'SELECT last_event_id FROM outbound_cursors WHERE org_id = $1 FOR UPDATE SKIP LOCKED',
        [orgId],
      );
      const last = cursor[0]?.last_event_id;
      if (last === undefined) return 0; // another process is fanning this organization out
      const events = await tx.query<EventRow>(
        `SELECT id, referral_id, version, kind, action, channel, tab, qualification, created_at FROM referral_events
          WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT ${FANOUT_PAGE}`,
        [orgId, last],
      );
      if (events.length === 0) return 0;
      const now = new Date().toISOString();
      for (const sink of this.sinks) {
        const planned = await sink.plan(tx, orgId, events);
        if (planned.length === 0) continue;
        await tx.query(
          `INSERT INTO outbound_deliveries (org_id, sink, target_id, event_id, event_name, referral_id, payload, next_attempt_at, created_at)
           SELECT $1, $2, x.target_id, x.event_id, x.event_name, x.referral_id, x.payload, $3, $3
             FROM jsonb_to_recordset($4::jsonb) AS x(target_id text, event_id bigint, event_name text, referral_id text, payload jsonb)
           ON CONFLICT (sink, target_id, event_id) DO NOTHING`,
          [
            orgId,
            sink.name,
            now,
            JSON.stringify(
              planned.map((p) => ({
                target_id: p.targetId,
                event_id: p.eventId,
                event_name: p.eventName,
                referral_id: p.referralId,
                payload: p.payload,
              })),
            ),
          ],
        );
      }
      await tx.query('UPDATE outbound_cursors SET last_event_id = $2 WHERE org_id = $1', [
        orgId,
        events[events.length - 1]?.id ?? last,
      ]);
      return events.length;
    });
  }

  private async claim(): Promise<(ClaimedDelivery & { sink: string })[]> {
    const now = Date.now();
    return this.db.query<ClaimedDelivery & { sink: string }>(
      `UPDATE outbound_deliveries d SET locked_until = $2, attempts = d.attempts + 1
        WHERE d.id IN (SELECT id FROM outbound_deliveries
                        WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.org_id, d.sink, d.target_id, d.event_name, d.referral_id, d.payload, d.attempts`,
      [
        new Date(now).toISOString(),
        new Date(now + this.settings.leaseMs).toISOString(),
        this.settings.batchSize,
      ],
    );
  }

  private async deliver(delivery: ClaimedDelivery & { sink: string }): Promise<void> {
    const sink = this.sinks.find((s) => s.name === delivery.sink);
    const started = Date.now();
    const result: SendResult = sink
      ? await sink.send(delivery, this.abort.signal)
      : { ok: false, error: `no sink ${delivery.sink}`, permanent: true };
    const duration = Date.now() - started;
    const finished = new Date().toISOString();
    const dead = !result.ok && (result.permanent === true || delivery.attempts >= this.settings.maxAttempts);
    const nextRetry =
      result.ok || dead
        ? null
        : new Date(Date.now() + backoffMs(delivery.attempts, this.settings)).toISOString();
    const outcome = result.ok ? 'delivered' : dead ? 'dead' : 'retry';
    const error = result.ok ? null : result.error.slice(0, 1000);
    await this.db.tx(async (tx) => {
      await tx.query(
        `INSERT INTO outbound_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, outcome, next_retry_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          delivery.id,
          delivery.attempts,
          new Date(started).toISOString(),
          duration,
          result.statusCode ?? null,
          error,
          outcome,
          nextRetry,
        ],
      );
      await tx.query(
        `UPDATE outbound_deliveries SET state = $2, locked_until = NULL, last_error = $3,
           next_attempt_at = COALESCE($4, next_attempt_at), finished_at = $5 WHERE id = $1`,
        [
          delivery.id,
          outcome === 'retry' ? 'pending' : outcome,
          error,
          nextRetry,
          outcome === 'retry' ? null : finished,
        ],
      );
    });
    // A retry that is already due (tiny backoff in tests) is picked up by the next pass.
    if (outcome === 'retry')
      setTimeout(() => this.kick(), Math.max(0, Date.parse(nextRetry ?? finished) - Date.now()) + 5).unref();
  }
}
