import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticate, requireAdmin } from '../auth/authenticate';
import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { parseInput } from '../http/errors';
import { DeliveryQuerySchema, listDeliveries } from './delivery-log';

// What webhook subscriptions and email alert rules share: both are an organization's outbound
// targets, removed softly (their delivery log stays readable) and listed with every attempt.

export const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export async function adminOf(
  ctx: ServiceContext,
  request: Parameters<typeof authenticate>[1],
): Promise<Principal> {
  const principal = await authenticate(ctx, request);
  requireAdmin(principal);
  return principal;
}

export interface TargetRoutes {
  /** `/v1/webhooks` or `/v1/alerts/rules`. */
  path: string;
  table: 'webhook_subscriptions' | 'alert_rules';
  sink: 'webhook' | 'email';
  /** Throws 404 unless the target exists in the organization and is not deleted. */
  own: (orgId: string, id: string) => Promise<unknown>;
}

export function registerTargetRoutes(
  server: FastifyInstance,
  ctx: ServiceContext,
  target: TargetRoutes,
): void {
  server.delete(`${target.path}/:id`, async (request, reply) => {
    const principal = await adminOf(ctx, request);
    const { id } = parseInput(IdParamsSchema, request.params, 'path');
    await target.own(principal.orgId, id);
    // Soft delete: the delivery log stays readable for the audit trail; pending ones die unsent.
    await ctx.db.query(`UPDATE ${target.table} SET deleted_at = $3 WHERE id = $1 AND org_id = $2`, [
      id,
      principal.orgId,
      ctx.now().toISOString(),
    ]);
    return reply.code(204).send();
  });

  server.get(`${target.path}/:id/deliveries`, async (request) => {
    const principal = await adminOf(ctx, request);
    const { id } = parseInput(IdParamsSchema, request.params, 'path');
    await target.own(principal.orgId, id);
    return listDeliveries(
      ctx.db,
      principal.orgId,
      target.sink,
      id,
      parseInput(DeliveryQuerySchema, request.query, 'query'),
    );
  });
}
