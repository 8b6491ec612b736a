import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TABS } from '../../src-shared/index';
import type { ServiceContext } from '../context';
import { notFound, parseInput } from '../http/errors';
import { currentEventId } from '../webhooks/delivery-log';
import type { OutboundQueue } from '../webhooks/outbound-queue';
import { adminOf, registerTargetRoutes } from '../webhooks/target-routes';

// Alert rules (admin): "email these people about every new referral in this tab / with this
// qualification". Empty tabs or qualifications mean any. Test leads are left out unless asked.

const CreateSchema = z.object({
  name: z.string().trim().max(200).default(''),
  recipients: z.array(z.email().max(254)).min(1).max(50),
  tabs: z.array(z.enum(TABS)).max(TABS.length).default([]),
  qualifications: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  includeTestLeads: z.boolean().default(false),
});
interface RuleRow {
  id: string;
  name: string;
  recipients: string[];
  tabs: string[];
  qualifications: string[];
  include_test_leads: boolean;
  created_at: Date | string;
}

const view = (r: RuleRow) => ({
  id: r.id,
  name: r.name,
  recipients: r.recipients,
  tabs: r.tabs,
  qualifications: r.qualifications,
  includeTestLeads: r.include_test_leads,
  createdAt: new Date(r.created_at).toISOString(),
});

const SELECT =
  'SELECT id, name, recipients, tabs, qualifications, include_test_leads, created_at FROM alert_rules';

export function registerAlertRoutes(
  server: FastifyInstance,
  ctx: ServiceContext,
  queue: OutboundQueue,
  smtpConfigured: boolean,
): void {
  const admin = (request: Parameters<typeof adminOf>[1]) => adminOf(ctx, request);
  const own = async (orgId: string, id: string): Promise<RuleRow> => {
    const rows = await ctx.db.query<RuleRow>(
      `${SELECT} WHERE id = $1 AND org_id = $2 AND deleted_at IS NULL`,
      [id, orgId],
    );
    if (!rows[0]) throw notFound('alert rule');
    return rows[0];
  };

  server.post('/v1/alerts/rules', async (request, reply) => {
    const principal = await admin(request);
    const body = parseInput(CreateSchema, request.body);
    const row: RuleRow = {
      id: randomUUID(),
      name: body.name,
      recipients: body.recipients,
      tabs: [...new Set(body.tabs)],
      qualifications: [...new Set(body.qualifications)],
      include_test_leads: body.includeTestLeads,
      created_at: ctx.now().toISOString(),
    };
    await ctx.db.query(
      `INSERT INTO alert_rules (id, org_id, name, recipients, tabs, qualifications, include_test_leads, from_event_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.id,
        principal.orgId,
        row.name,
        row.recipients,
        row.tabs,
        row.qualifications,
        row.include_test_leads,
        await currentEventId(ctx.db, principal.orgId),
        row.created_at,
      ],
    );
    queue.kick();
    return reply.code(201).send({ ...view(row), smtpConfigured });
  });

  server.get('/v1/alerts/rules', async (request) => {
    const principal = await admin(request);
    const rows = await ctx.db.query<RuleRow>(
      `${SELECT} WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [principal.orgId],
    );
    return { value: rows.map(view), smtpConfigured };
  });

  registerTargetRoutes(server, ctx, { path: '/v1/alerts/rules', table: 'alert_rules', sink: 'email', own });
}
