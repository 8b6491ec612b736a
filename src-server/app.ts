import Fastify, { type FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config';
import { registerWebApp } from './http/web-app';

export const SERVICE_VERSION = '0.1.0';

/** Builds the HTTP service without listening, so tests start it on any loopback port. */
export async function buildService(
  config: ServiceConfig,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const server = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 });
  server.get('/healthz', async () => ({ status: 'ok', version: SERVICE_VERSION }));
  await registerWebApp(server, config.rendererDir);
  return server;
}
