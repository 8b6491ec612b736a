// The service's command line: `tsx src-server/cli.ts <command> [options]`.
// With PGlite (no DATABASE_URL) stop the running service first: one process owns the data directory.
import { parseArgs } from 'node:util';
import {
  createIntakeKey,
  createOrganization,
  createUser,
  findOrganization,
  type Role,
} from './auth/identity-repo';
import { configFromEnv, serviceUrlOf } from './config';
import type { Db } from './db/driver';
import { loadMigrations } from './db/migrate';
import { openDatabase } from './db/open';
import { hasAnyOrganization, seedDemo, signInHelp } from './demo/seed-demo';
import { ReferralEvents } from './referrals/referral-events';
import { startService } from './start';

const USAGE = `Usage: tsx src-server/cli.ts <command> [options]

  start                                   run the service (PORT, PARTNER_DESK_DATA, DATABASE_URL)
  migrate                                 apply pending database migrations
  create-org --name <name>                create an organization; prints its id
  create-user --org <id|name> --email <e> --password <p> [--role admin|member] [--name <display name>]
  create-intake-key --org <id|name> [--label <text>]
                                          prints the key and the marketplace intake URL (shown once)
  seed-demo                               create the demo organizations (empty database only)`;

const config = configFromEnv(process.env);
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    name: { type: 'string' },
    org: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', default: 'member' },
    label: { type: 'string', default: '' },
  },
  allowPositionals: false,
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required\n\n${USAGE}`);
  return value;
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function orgId(db: Db): Promise<string> {
  const org = await findOrganization(db, required('org'));
  if (!org) throw new Error(`No organization "${values.org}".`);
  return org.id;
}

async function run(): Promise<void> {
  switch (command) {
    case 'start':
      await startService(config);
      return;
    case 'migrate':
      await withDb(async () => undefined);
      console.log(`Migrations up to ${Math.max(...loadMigrations().map((m) => m.version))} are applied.`);
      return;
    case 'create-org':
      await withDb(async (db) => console.log((await createOrganization(db, { name: required('name') })).id));
      return;
    case 'create-user':
      await withDb(async (db) => {
        const role = values.role === 'admin' ? 'admin' : values.role === 'member' ? 'member' : null;
        if (!role) throw new Error('--role is admin or member');
        const user = await createUser(db, {
          orgId: await orgId(db),
          email: required('email'),
          password: required('password'),
          role: role satisfies Role,
          ...(values.name ? { displayName: values.name } : {}),
        });
        console.log(user.id);
      });
      return;
    case 'create-intake-key':
      await withDb(async (db) => {
        const key = await createIntakeKey(db, await orgId(db), values.label ?? '');
        console.log(
          `key:        ${key.key}\nintake URL: ${serviceUrlOf(config)}/v1/intake/marketplace/${key.key}`,
        );
      });
      return;
    case 'seed-demo':
      await withDb(async (db) => {
        if (await hasAnyOrganization({ db }))
          throw new Error('The database already has organizations; seed-demo needs an empty one.');
        const credentials = await seedDemo(
          { db, events: new ReferralEvents(), now: () => new Date() },
          serviceUrlOf(config),
          config.databaseUrl ? null : config.dataDir,
        );
        console.log(signInHelp(credentials, null));
      });
      return;
    default:
      console.log(USAGE);
      process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
