import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './auth/auth-routes';
import type { ServiceConfig } from './config';
import type { ServiceContext } from './context';
import { openDatabase } from './db/open';
import { loadServiceMeta } from './db/service-meta';
import { registerDrain } from './http/drain';
import { registerErrorHandling } from './http/errors';
import { registerIntegrations } from './integrations';
import { registerWebApp } from './http/web-app';
import { ReferralEvents } from './referrals/referral-events';
import { ExpirySweeper } from './sweeper/expiry-sweeper';
import { ChangeHub } from './sync/change-hub';
import { EventStreams } from './sync/event-streams';
import { registerSyncRoutes } from './sync/sync-routes';

export const SERVICE_VERSION = '0.1.0';

export interface BuildOptions {
  logger?: boolean;
  /** Replaces the clock (tests of deadlines and late arrivals). */
  now?: () => Date;
}

/**
 * Builds the HTTP service without listening, so tests start it on any loopback port. Opens and
 * migrates the database; `server.close()` stops the sweeper, ends the event streams, lets
 * in-flight requests finish, then closes the database.
 */
export async function buildService(
  config: ServiceConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const server = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
  });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const meta = await loadServiceMeta(db);
    const hub = new ChangeHub(db);
    await hub.start();
    const ctx: ServiceContext = {
      config,
      db,
      meta,
      hub,
      events: new ReferralEvents(),
      log: server.log,
      now: options.now ?? (() => new Date()),
    };
    server.decorate('partnerDesk', ctx);
    const streams = new EventStreams(ctx);
    const sweeper = new ExpirySweeper(ctx);

    registerErrorHandling(server);
    registerDrain(server);
    await server.register(cors, {
      origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
      maxAge: 600,
    });
    server.addHook('onSend', async (request, reply) => {
      reply.header('X-Request-Id', request.id);
    });
    server.get('/healthz', async () => ({ status: 'ok', database: db.kind, version: SERVICE_VERSION }));
    registerAuthRoutes(server, ctx);
    registerSyncRoutes(server, ctx, streams);
    await registerIntegrations(server, ctx);
    await registerWebApp(server, config.rendererDir);

    // preClose runs before in-flight requests are awaited: long-lived streams would hold it open.
    server.addHook('preClose', async () => {
      sweeper.stop();
      streams.closeAll();
    });
    server.addHook('onClose', async () => {
      await sweeper.idle();
      await hub.stop();
      await db.close();
    });
    server.addHook('onReady', async () => {
      if (config.sweepIntervalMs > 0) sweeper.start(config.sweepIntervalMs);
    });
    return server;
  } catch (error) {
    await db.close();
    throw error;
  }
}
