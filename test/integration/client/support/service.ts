import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ReferralSchema, type Referral } from '../../../../src-shared/index';
import { buildService } from '../../../../src-server/app';
import { ServiceConfigSchema, type ServiceConfig } from '../../../../src-server/config';
import { createOrganization, createUser } from '../../../../src-server/auth/identity-repo';
import { writeReferrals } from '../../../../src-server/referrals/referral-repo';
import { sweepExpired } from '../../../../src-server/sweeper/expiry-sweeper';
import { demoReferrals } from '../../../../src-server/demo/demo-referrals';

// The real service (Fastify + PGlite in memory) on loopback, with a clock the test moves, one
// organization with an admin, and helpers to add referrals, run the expiry sweeper and read the
// service's own state for the assertions.

export interface SimClock {
  nowMs: number;
  now(): Date;
  advance(ms: number): void;
}

export function simClock(startIso = '2025-06-02T08:00:00.000Z'): SimClock {
  const clock: SimClock = {
    nowMs: Date.parse(startIso),
    now: () => new Date(clock.nowMs),
    advance: (ms) => {
      clock.nowMs += ms;
    },
  };
  return clock;
}

/** One organization with an admin: tests that need isolation take a fresh one. */
export interface TestOrg {
  orgId: string;
  admin: { email: string; password: string };
  addReferrals(docs: readonly Referral[]): Promise<void>;
  addDemoReferrals(count: number, seed?: number): Promise<Referral[]>;
  /** The service's live referrals of the organization: id → {version, data}. */
  referrals(): Promise<Map<string, { version: number; data: Referral }>>;
}

export interface ClientTestService extends TestOrg {
  server: FastifyInstance;
  url: string;
  clock: SimClock | null;
  newOrg(name: string): Promise<TestOrg>;
  sweep(): Promise<number>;
  pushResults(
    deviceId: string,
  ): Promise<
    {
      seq: number;
      mutation_id: string;
      referral_id: string | null;
      outcome: string;
      reason: string | null;
      at_version: number;
    }[]
  >;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery';

export async function startClientTestService(
  options: { clock?: SimClock | null; config?: Partial<ServiceConfig> } = {},
): Promise<ClientTestService> {
  const clock = options.clock ?? null;
  // With no data directory the webhook secret key cannot live in a file: give it one in memory.
  process.env['PARTNER_DESK_SECRET_KEY'] ||= randomBytes(32).toString('base64');
  const config = {
    ...ServiceConfigSchema.parse({
      port: 0,
      rendererDir: path.resolve('out/renderer'),
      sweepIntervalMs: 0,
      ...options.config,
    }),
    // PGlite in memory: nothing on disk, nothing shared between tests.
    dataDir: null as unknown as string,
  };
  const server = await buildService(config, clock ? { now: () => clock.now() } : {});
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  const ctx = server.partnerDesk;
  const newOrg = async (name: string): Promise<TestOrg> => {
    const org = await createOrganization(ctx.db, { name });
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const admin = { email: `admin@${slug}.example`, password: PASSWORD };
    await createUser(ctx.db, { orgId: org.id, ...admin, role: 'admin', displayName: `${name} Admin` });
    const addReferrals = async (docs: readonly Referral[]) => {
      if (docs.length === 0) return;
      await writeReferrals(
        ctx,
        org.id,
        { channel: 'seed', actor: { userId: null, displayName: 'Test' } },
        (writer) =>
          writer.saveMany(
            docs.map((after) => ({ before: null, after, action: 'create', keepUpdatedDateTime: true })),
          ),
      );
    };
    return {
      orgId: org.id,
      admin,
      addReferrals,
      async addDemoReferrals(count, seed = 7) {
        const docs = demoReferrals({
          count,
          seed,
          now: ctx.now().toISOString(),
          partnerName: name,
          partnerTeam: [
            { firstName: 'Sam', lastName: 'Seller', email: `sam@${slug}.example`, phoneNumber: '' },
          ],
        });
        for (let i = 0; i < docs.length; i += 5000) await addReferrals(docs.slice(i, i + 5000));
        return docs;
      },
      async referrals() {
        const rows = await ctx.db.query<{ id: string; version: number; data: unknown }>(
          'SELECT id, version, data FROM referrals WHERE org_id = $1 AND NOT deleted',
          [org.id],
        );
        return new Map(
          rows.map((r) => [r.id, { version: Number(r.version), data: ReferralSchema.parse(r.data) }]),
        );
      },
    };
  };
  const first = await newOrg('Contoso Partners');
  return {
    ...first,
    server,
    url,
    clock,
    newOrg,
    sweep: () => sweepExpired(ctx),
    async pushResults(deviceId) {
      const rows = await ctx.db.query<{
        seq: number;
        mutation_id: string;
        referral_id: string | null;
        outcome: string;
        reason: string | null;
        at_version: number;
      }>(
        'SELECT seq, mutation_id, referral_id, outcome, reason, at_version FROM push_results WHERE device_id = $1 ORDER BY seq',
        [deviceId],
      );
      return rows.map((r) => ({ ...r, seq: Number(r.seq), at_version: Number(r.at_version) }));
    },
    close: () => server.close(),
  };
}
