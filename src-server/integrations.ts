import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from './context';

/**
 * The channels beside sync: the Partner Center style resource API, marketplace intake, CSV import
 * and export, outbound webhooks and email alerts. Each registers its own routes and workers here.
 */
export async function registerIntegrations(_server: FastifyInstance, _ctx: ServiceContext): Promise<void> {}
