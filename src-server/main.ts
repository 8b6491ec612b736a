// The service's entry point: read the configuration, listen on loopback, stop cleanly on SIGTERM.
import { buildService } from './app';
import { configFromEnv } from './config';

const config = configFromEnv(process.env);
const server = await buildService(config, { logger: true });
await server.listen({ host: config.host, port: config.port });
const url = `http://${config.host}:${config.port}`;
process.stdout.write(`\nPartner Desk is running.\n  Web UI:  ${url}/app/\n  Service: ${url}\n\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
