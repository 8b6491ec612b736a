import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../../src-shared/index';
import { sweepExpired } from '../../../src-server/sweeper/expiry-sweeper';
import { postgresAvailable } from '../../support/postgres';
import { sharedPostgres, startService, type RunningService } from '../../support/service';
import {
  createTestOrg,
  DeviceReplica,
  makeReferral,
  mutation,
  openEvents,
  push,
  seedReferrals,
  signIn,
  stopPostgresAfterAll,
  type TestOrg,
} from './helpers';

// Two service processes on one Postgres database: this test process runs one (A), a child
// process runs `src-server/main.ts` (B). NOTIFY must reach the other process's SSE clients,
// cursors must stay complete across both, and their sweepers must close each referral once.

stopPostgresAfterAll();

async function startChild(
  databaseUrl: string,
): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partner-desk-child-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    cwd: path.resolve('.'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      PARTNER_DESK_DATA: dataDir,
      PARTNER_DESK_DEMO: '0',
      SWEEP_INTERVAL_MS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`child did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Service: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${out}`)));
  });
  return { url, child, dataDir };
}

describe.skipIf(!postgresAvailable())('scale-out: two service processes on one Postgres', () => {
  let a: RunningService;
  let c: RunningService;
  let b: { url: string; child: ChildProcess; dataDir: string };
  let org: TestOrg;

  beforeAll(async () => {
    const databaseUrl = await (await sharedPostgres()).createDatabase('scale');
    a = await startService({ databaseUrl, dataDir: mkdtempSync(path.join(os.tmpdir(), 'partner-desk-a-')) });
    // A third instance in this process, with its own pool: one more concurrent sweeper.
    c = await startService({ databaseUrl, dataDir: mkdtempSync(path.join(os.tmpdir(), 'partner-desk-c-')) });
    org = await createTestOrg(a.ctx, 'Scale Co');
    b = await startChild(databaseUrl);
  });
  afterAll(async () => {
    b.child.kill('SIGTERM');
    await new Promise((resolve) => b.child.once('exit', resolve));
    rmSync(b.dataDir, { recursive: true, force: true });
    await c.close();
    await a.close();
  });

  it('a push through one process pokes the event streams of the other', async () => {
    const tokenA = await signIn(a.url, org.admin);
    const tokenB = await signIn(b.url, org.admin);
    const r = makeReferral();
    await seedReferrals(a.ctx, org.id, [r]);
    const onA = await openEvents(a.url, tokenA);
    const onB = await openEvents(b.url, tokenB);
    let from = onB.events.length;
    await push(a.url, tokenA, randomUUID(), [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: true }),
    ]);
    await onB.waitFor('poke', from);
    from = onA.events.length;
    await push(b.url, tokenB, randomUUID(), [
      mutation(1, 'setFavorite', { referralId: r.id, favorite: false }),
    ]);
    await onA.waitFor('poke', from);
    await Promise.all([onA.close(), onB.close()]);
  });

  it('cursors stay complete with writers and pullers spread over both processes', async () => {
    const urls = [a.url, b.url];
    const tokens = await Promise.all(urls.map((u) => signIn(u, org.admin)));
    const referrals = Array.from({ length: 30 }, () => makeReferral());
    await seedReferrals(a.ctx, org.id, referrals);
    const pullers = urls.map((u, i) => new DeviceReplica(u, tokens[i] as string));
    await Promise.all(pullers.map((p) => p.sync()));
    let writing = true;
    const writers = [0, 1, 2, 3].map(async (w) => {
      const device = randomUUID();
      for (let seq = 1; seq <= 10; seq += 1) {
        const r = referrals[(w * 5 + seq * 7) % referrals.length] as Referral;
        const reply = await push(urls[(w + seq) % 2] as string, tokens[(w + seq) % 2] as string, device, [
          mutation(seq, 'addNote', { referralId: r.id, noteId: randomUUID(), text: `w${w}s${seq}` }),
        ]);
        expect(reply.status).toBe(200);
      }
    });
    const readers = pullers.map(async (p) => {
      while (writing) await p.sync(4);
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(readers);
    const truth = await a.ctx.db.query<{ id: string; version: number }>(
      'SELECT id, version FROM referrals WHERE org_id = $1 AND NOT deleted',
      [org.id],
    );
    for (const p of pullers) {
      await p.sync(4);
      const mine = new Map([...p.rows].map(([id, r]) => [id, Number(/\d+/.exec(r.eTag)?.[0])]));
      expect(mine).toEqual(new Map(truth.map((t) => [t.id, t.version])));
      const keys = p.seen.map((ch) => `${ch.id}@${ch.version}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('the sweepers of all processes close each overdue referral exactly once', async () => {
    const overdue = Array.from({ length: 150 }, () =>
      makeReferral({ createdDateTime: new Date(Date.now() - 15 * 86_400_000).toISOString() }),
    );
    // Seeded through A; B's sweeper (every 50 ms) races A's and C's called directly.
    await seedReferrals(a.ctx, org.id, overdue);
    const counts = await Promise.all([
      sweepExpired(a.ctx),
      sweepExpired(c.ctx),
      sweepExpired(a.ctx),
      sweepExpired(c.ctx),
    ]);
    const ids = overdue.map((r) => r.id);
    for (let i = 0; i < 100; i += 1) {
      const left = await a.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM referrals WHERE id = ANY($1::text[]) AND substatus <> 'Expired'`,
        [ids],
      );
      if (left[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const audit = await a.ctx.db.query<{ referral_id: string; n: number }>(
      `SELECT referral_id, count(*)::int AS n FROM audit_log WHERE action = 'expire' AND referral_id = ANY($1::text[]) GROUP BY referral_id`,
      [ids],
    );
    expect(audit).toHaveLength(150);
    expect(audit.every((row) => row.n === 1)).toBe(true);
    const events = await a.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM referral_events WHERE action = 'expire' AND referral_id = ANY($1::text[])`,
      [ids],
    );
    expect(events[0]?.n).toBe(150);
    expect(counts.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(150);
  });
});
