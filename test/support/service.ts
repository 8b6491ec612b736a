import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { buildService, type BuildOptions } from '../../src-server/app';
import { ServiceConfigSchema, type ServiceConfig } from '../../src-server/config';
import type { ServiceContext } from '../../src-server/context';
import { startPostgres, type PostgresCluster } from './postgres';

export type DatabaseKind = 'pglite' | 'postgres';

export interface RunningService {
  server: FastifyInstance;
  url: string;
  ctx: ServiceContext;
  config: ServiceConfig;
  close: () => Promise<void>;
}

export interface StartOptions extends BuildOptions {
  /** Default: PGlite in a fresh temp data directory (unless `dataDir` or `databaseUrl` is given). */
  database?: DatabaseKind;
  /** Keep a temp data directory after close (restart tests). */
  keepDataDir?: boolean;
}

// PGlite's first open runs initdb in WebAssembly (about 10 s); a bare cluster made once and copied
// per service takes a second. The template holds no schema, so migrations never make it stale.
const TEMPLATE = path.join(os.tmpdir(), `partner-desk-pglite-template-${process.getuid?.() ?? 0}`);

async function pgliteTemplate(): Promise<string> {
  const ready = path.join(TEMPLATE, 'pglite');
  if (existsSync(path.join(ready, 'PG_VERSION'))) return ready;
  mkdirSync(TEMPLATE, { recursive: true });
  const building = mkdtempSync(path.join(TEMPLATE, 'building-'));
  const pg = await PGlite.create(path.join(building, 'pglite'));
  await pg.close();
  try {
    renameSync(path.join(building, 'pglite'), ready);
  } catch {
    // Another worker finished first: use theirs.
  }
  rmSync(building, { recursive: true, force: true });
  return ready;
}

/** A fresh data directory for PGlite, from the template. */
export async function freshDataDir(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'partner-desk-data-'));
  cpSync(await pgliteTemplate(), path.join(dir, 'pglite'), { recursive: true });
  return dir;
}

let cluster: Promise<PostgresCluster> | null = null;

/** One Postgres cluster per test file (worker), started on first use. */
export function sharedPostgres(): Promise<PostgresCluster> {
  cluster ??= startPostgres();
  return cluster;
}

export async function stopSharedPostgres(): Promise<void> {
  if (!cluster) return;
  const c = await cluster;
  cluster = null;
  await c.stop();
}

/** Settings for a new service on a fresh database of the given kind. */
export async function freshConfig(
  database: DatabaseKind,
  overrides: Partial<ServiceConfig> = {},
): Promise<ServiceConfig> {
  const base: Partial<ServiceConfig> =
    database === 'postgres'
      ? {
          databaseUrl: await (await sharedPostgres()).createDatabase(),
          dataDir: mkdtempSync(path.join(os.tmpdir(), 'partner-desk-data-')),
        }
      : { dataDir: await freshDataDir() };
  return ServiceConfigSchema.parse({
    port: 0,
    rendererDir: path.resolve('out/renderer'),
    sweepIntervalMs: 0,
    ...base,
    ...overrides,
  });
}

/** Starts the real service on a free loopback port. */
export async function startService(
  overrides: Partial<ServiceConfig> = {},
  options: StartOptions = {},
): Promise<RunningService> {
  const config =
    overrides.dataDir || overrides.databaseUrl
      ? ServiceConfigSchema.parse({
          port: 0,
          rendererDir: path.resolve('out/renderer'),
          sweepIntervalMs: 0,
          ...overrides,
        })
      : await freshConfig(options.database ?? 'pglite', overrides);
  const ownsDataDir = !overrides.dataDir;
  const server = await buildService(config, options);
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    server,
    url,
    ctx: server.partnerDesk,
    config,
    close: async () => {
      await server.close();
      if (ownsDataDir && !options.keepDataDir) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
