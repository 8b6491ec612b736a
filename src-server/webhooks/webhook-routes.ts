import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import { notFound, parseInput } from '../http/errors';
import { currentEventId } from './delivery-log';
import type { OutboundQueue } from './outbound-queue';
import type { SecretBox } from './secret-box';
import { WEBHOOK_EVENTS } from './webhook-sink';
import { adminOf, IdParamsSchema, registerTargetRoutes } from './target-routes';

// Webhook subscriptions (admin). The secret is returned once, at creation, and stored encrypted.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** https anywhere; plain http only to this machine (a receiver under test, a local relay). */
export const WebhookUrlSchema = z
  .string()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      if (url.username || url.password) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https URL (http only to a loopback address), without credentials');

const CreateSchema = z.object({
  url: WebhookUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .max(2)
    .transform((e) => [...new Set(e)]),
  secret: z.string().min(16, 'must have at least 16 characters').max(200).optional(),
});
interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  created_at: Date | string;
}

const view = (row: SubscriptionRow) => ({
  id: row.id,
  url: row.url,
  events: row.events,
  createdAt: new Date(row.created_at).toISOString(),
});

export function registerWebhookRoutes(
  server: FastifyInstance,
  ctx: ServiceContext,
  box: SecretBox,
  queue: OutboundQueue,
): void {
  const admin = (request: Parameters<typeof adminOf>[1]) => adminOf(ctx, request);
  const own = async (orgId: string, id: string): Promise<SubscriptionRow> => {
    const rows = await ctx.db.query<SubscriptionRow>(
      'SELECT id, url, events, created_at FROM webhook_subscriptions WHERE id = $1 AND org_id = $2 AND deleted_at IS NULL',
      [id, orgId],
    );
    if (!rows[0]) throw notFound('webhook subscription');
    return rows[0];
  };

  server.post('/v1/webhooks', async (request, reply) => {
    const principal = await admin(request);
    const body = parseInput(CreateSchema, request.body);
    const secret = body.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    const createdAt = ctx.now().toISOString();
    await ctx.db.query(
      `INSERT INTO webhook_subscriptions (id, org_id, url, events, secret_enc, from_event_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        principal.orgId,
        body.url,
        body.events,
        box.seal(secret),
        await currentEventId(ctx.db, principal.orgId),
        createdAt,
      ],
    );
    queue.kick();
    return reply
      .code(201)
      .send({ ...view({ id, url: body.url, events: body.events, created_at: createdAt }), secret });
  });

  server.get('/v1/webhooks', async (request) => {
    const principal = await admin(request);
    const rows = await ctx.db.query<SubscriptionRow>(
      'SELECT id, url, events, created_at FROM webhook_subscriptions WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
      [principal.orgId],
    );
    return { value: rows.map(view) };
  });

  server.get('/v1/webhooks/:id', async (request) => {
    const principal = await admin(request);
    const { id } = parseInput(IdParamsSchema, request.params, 'path');
    return view(await own(principal.orgId, id));
  });

  registerTargetRoutes(server, ctx, {
    path: '/v1/webhooks',
    table: 'webhook_subscriptions',
    sink: 'webhook',
    own,
  });
}
