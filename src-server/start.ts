import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildService } from './app';
import { serviceUrlOf, type ServiceConfig } from './config';
import { hasAnyOrganization, seedDemo, signInHelp } from './demo/seed-demo';

// The main job: build, listen, seed the demo organizations into an empty database, print how to
// sign in, and stop cleanly on SIGTERM/SIGINT (in-flight requests finish, the database closes).

export async function startService(config: ServiceConfig): Promise<FastifyInstance> {
  const server = await buildService(config, { logger: true });
  await server.listen({ host: config.host, port: config.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = serviceUrlOf(config, port);
  const ctx = server.partnerDesk;
  let help = '';
  if (config.seedDemo && !(await hasAnyOrganization(ctx))) {
    const dataDir = config.databaseUrl ? null : config.dataDir;
    const credentials = await seedDemo(ctx, url, dataDir);
    help = `\n${signInHelp(credentials, dataDir ? path.join(dataDir, 'demo-credentials.json') : null)}\n`;
  } else if (!config.databaseUrl) {
    help = `\nDemo sign-in details, if this data directory was seeded: ${path.join(config.dataDir, 'demo-credentials.json')}\n`;
  }
  process.stdout.write(
    `\nPartner Desk is running (database: ${ctx.db.kind}).\n  Web UI:  ${url}/app/\n  Service: ${url}\n${help}\n`,
  );
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      server.log.info({ signal }, 'shutting down');
      void server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          server.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return server;
}
