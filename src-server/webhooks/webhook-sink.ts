import { createHmac } from 'node:crypto';
import type { Queryable } from '../db/driver';
import type { ClaimedDelivery, EventRow, PlannedDelivery, SendResult, Sink } from './outbound-queue';
import type { SecretBox } from './secret-box';

// Webhooks in Partner Center's envelope: {EventName, ResourceUri, ResourceName,
// ResourceChangeUtcDate}. Signature scheme (documented for receivers):
//   X-PartnerDesk-Timestamp: <unix seconds when sent>
//   X-PartnerDesk-Signature: sha256=<hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)>
// The receiver recomputes the HMAC over the timestamp, a dot and the exact body bytes, compares in
// constant time, and refuses timestamps older than a few minutes (a replayed body fails).
// X-PartnerDesk-Delivery carries the delivery id (the same on every retry: deduplicate on it).

export const WEBHOOK_EVENTS = ['referral-created', 'referral-updated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export const eventNameOf = (kind: string): WebhookEvent =>
  kind === 'created' ? 'referral-created' : 'referral-updated';

interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  from_event_id: number;
}

export class WebhookSink implements Sink {
  readonly name = 'webhook' as const;

  constructor(
    private readonly db: Queryable,
    private readonly box: SecretBox,
    private readonly baseUrl: () => string,
    private readonly timeoutMs: number,
  ) {}

  async activeOrgs(db: Queryable): Promise<string[]> {
    const rows = await db.query<{ org_id: string }>(
      'SELECT DISTINCT org_id FROM webhook_subscriptions WHERE deleted_at IS NULL',
    );
    return rows.map((r) => r.org_id);
  }

  async plan(tx: Queryable, orgId: string, events: readonly EventRow[]): Promise<PlannedDelivery[]> {
    const subs = await tx.query<SubscriptionRow>(
      'SELECT id, url, events, from_event_id FROM webhook_subscriptions WHERE org_id = $1 AND deleted_at IS NULL',
      [orgId],
    );
    const planned: PlannedDelivery[] = [];
    for (const event of events) {
      const name = eventNameOf(event.kind);
      for (const sub of subs) {
        if (event.id <= sub.from_event_id || !sub.events.includes(name)) continue;
        planned.push({
          targetId: sub.id,
          eventId: event.id,
          eventName: name,
          referralId: event.referral_id,
          payload: {
            EventName: name,
            ResourceUri: `${this.baseUrl()}/v1.0/engagements/referrals/${encodeURIComponent(event.referral_id)}`,
            ResourceName: 'Referral',
            ResourceChangeUtcDate: new Date(event.created_at).toISOString(),
          },
        });
      }
    }
    return planned;
  }

  async send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<SendResult> {
    const rows = await this.db.query<{ url: string; secret_enc: string; deleted_at: unknown }>(
      'SELECT url, secret_enc, deleted_at FROM webhook_subscriptions WHERE id = $1 AND org_id = $2',
      [delivery.target_id, delivery.org_id],
    );
    const sub = rows[0];
    if (!sub || sub.deleted_at !== null)
      return { ok: false, error: 'the subscription was deleted', permanent: true };
    const body = JSON.stringify(delivery.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(sub.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'PartnerDesk-Webhooks/1',
          'X-PartnerDesk-Event': delivery.event_name,
          'X-PartnerDesk-Delivery': String(delivery.id),
          'X-PartnerDesk-Timestamp': timestamp,
          'X-PartnerDesk-Signature': signatureOf(this.box.open(sub.secret_enc), timestamp, body),
        },
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
      return { ok: false, statusCode: response.status, error: `the receiver answered ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return {
        ok: false,
        error: `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ''}`,
      };
    }
  }
}
