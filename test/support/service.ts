import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildService } from '../../src-server/app';
import { ServiceConfigSchema, type ServiceConfig } from '../../src-server/config';

export interface RunningService {
  server: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

/** Starts the real service on a free loopback port. */
export async function startService(overrides: Partial<ServiceConfig> = {}): Promise<RunningService> {
  const config = ServiceConfigSchema.parse({
    port: 0,
    rendererDir: path.resolve('out/renderer'),
    ...overrides,
  });
  const server = await buildService(config);
  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  return { server, url: address, close: () => server.close() };
}
