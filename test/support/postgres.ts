import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// A throwaway Postgres cluster for the tests of one test file: Debian's binaries, a temp directory,
// a free loopback port, the unix socket inside the temp directory, durability off for speed. As
// root the server must run as the `postgres` OS user. Each test gets its own database.

export interface PostgresCluster {
  port: number;
  /** A fresh, empty database; returns its connection URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

function binDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

export const postgresAvailable = (): boolean => binDir() !== null;

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(bin: string, args: string[]): void {
  const [command, fullArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(command, fullArgs, { stdio: 'pipe' });
}

let counter = 0;

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = binDir();
  if (!bin) throw new Error('Postgres is not installed (apt-get install -y postgresql).');
  const root = mkdtempSync(path.join(os.tmpdir(), 'partner-desk-pg-'));
  const dataDir = path.join(root, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
    chmodSync(root, 0o700);
  }
  run(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', path.join(root, 'log'), '-w', 'start']);
  const stopNow = () => {
    const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    if (isRoot())
      spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
    else spawnSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  };
  // A crashed test run must not leave a server behind.
  process.once('exit', stopNow);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    async createDatabase(prefix = 'test') {
      counter += 1;
      const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${counter}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.removeListener('exit', stopNow);
      stopNow();
    },
  };
}
