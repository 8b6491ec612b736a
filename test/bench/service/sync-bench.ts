// Sync benchmark: `tsx test/bench/service/sync-bench.ts` (BENCH_N=100000 referrals by default;
// BENCH_DB=pglite|postgres|both). Prints a table with a baseline measured in the same run and the
// ratio; no timed assertions. Postgres needs Debian's binaries (test/support/postgres.ts).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { demoReferrals } from '../../../src-server/demo/demo-referrals';
import {
  createTestOrg,
  DeviceReplica,
  mutation,
  push,
  seedReferrals,
  signIn,
} from '../../integration/service/helpers';
import { postgresAvailable } from '../../support/postgres';
import { startService, stopSharedPostgres } from '../../support/service';

const N = Number(process.env['BENCH_N'] ?? 100_000);
const which = process.env['BENCH_DB'] ?? 'both';
const kinds = (['pglite', 'postgres'] as const).filter(
  (k) => (which === 'both' || which === k) && (k === 'pglite' || postgresAvailable()),
);

interface Row {
  db: string;
  measure: string;
  result: string;
  baseline: string;
  ratio: string;
}
const rows: Row[] = [];
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function bench(kind: 'pglite' | 'postgres'): Promise<void> {
  const service = await startService({}, { database: kind });
  try {
    const org = await createTestOrg(service.ctx, 'Bench Co');
    const token = await signIn(service.url, org.admin);
    const team = [{ firstName: 'M', lastName: 'M', email: org.member.email, phoneNumber: '' }];
    let t = performance.now();
    const referrals = demoReferrals({
      count: N,
      seed: 7,
      now: new Date().toISOString(),
      partnerTeam: team,
      partnerName: 'Bench',
    });
    for (let i = 0; i < referrals.length; i += 10_000)
      await seedReferrals(service.ctx, org.id, referrals.slice(i, i + 10_000));
    console.error(`[${kind}] seeded ${fmt(N)} referrals in ${fmt((performance.now() - t) / 1000, 1)} s`);

    // First sync: snapshot pages then pull, as a client does. Bytes are the response bodies.
    const replica = new DeviceReplica(service.url, token);
    let bytes = 0;
    const originalFetch = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await originalFetch(...args);
      const text = await response.text();
      bytes += Buffer.byteLength(text);
      return new Response(text, { status: response.status, headers: response.headers });
    };
    t = performance.now();
    await replica.sync();
    const syncS = (performance.now() - t) / 1000;
    globalThis.fetch = originalFetch;
    t = performance.now();
    const raw = await service.ctx.db.query<{ data: string }>(
      'SELECT data::text AS data FROM referrals WHERE org_id = $1',
      [org.id],
    );
    const rawS = (performance.now() - t) / 1000;
    const rawBytes = raw.reduce((n, r) => n + Buffer.byteLength(r.data), 0);
    rows.push({
      db: kind,
      measure: `first sync of ${fmt(replica.rows.size)} referrals (snapshot + pull)`,
      result: `${fmt(replica.rows.size / syncS)} referrals/s, ${fmt(bytes / 1e6 / syncS, 1)} MB/s (${fmt(syncS, 1)} s, ${fmt(bytes / 1e6)} MB)`,
      baseline: `SELECT data: ${fmt(raw.length / rawS)} rows/s, ${fmt(rawBytes / 1e6 / rawS, 1)} MB/s`,
      ratio: `${fmt(syncS / rawS, 1)}×`,
    });

    // Push of 10,000 mutations: 20 pushes of 500 from one device.
    const targets = referrals.slice(0, 10_000);
    const device = randomUUID();
    t = performance.now();
    for (let start = 0; start < targets.length; start += 500) {
      const batch = targets
        .slice(start, start + 500)
        .map((r, i) =>
          mutation(start + i + 1, 'addNote', { referralId: r.id, noteId: randomUUID(), text: 'bench note' }),
        );
      const reply = await push(service.url, token, device, batch);
      if (reply.status !== 200) throw new Error(`push ${reply.status}`);
    }
    const pushS = (performance.now() - t) / 1000;
    t = performance.now();
    const ids = targets.map((r) => r.id);
    await service.ctx.db.tx(async (tx) => {
      for (let i = 0; i < ids.length; i += 500) {
        await tx.query(
          `UPDATE referrals SET data = jsonb_set(data, '{statusReason}', '"x"') WHERE org_id = $1 AND id = ANY($2::text[])`,
          [org.id, ids.slice(i, i + 500)],
        );
      }
    });
    const baseS = (performance.now() - t) / 1000;
    rows.push({
      db: kind,
      measure: 'push of 10,000 mutations (20 × 500)',
      result: `${fmt(10_000 / pushS)} mutations/s (${fmt(pushS, 1)} s)`,
      baseline: `bulk UPDATE of the same rows: ${fmt(10_000 / baseS)} rows/s`,
      ratio: `${fmt(pushS / baseS, 1)}×`,
    });

    // 50 devices polling pull concurrently while a writer changes one referral at a time.
    const devices = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const d = new DeviceReplica(service.url, token);
        d.cursor = replica.cursor;
        await d.sync();
        return d;
      }),
    );
    let writing = true;
    const writer = (async () => {
      const wDevice = randomUUID();
      let seq = 1;
      while (writing) {
        const r = referrals[seq % referrals.length];
        if (!r) break;
        await push(service.url, token, wDevice, [
          mutation(seq, 'setFavorite', { referralId: r.id, favorite: seq % 2 === 0 }),
        ]);
        seq += 1;
      }
    })();
    const timed = async (fn: () => Promise<unknown>, out: number[]) => {
      const s = performance.now();
      await fn();
      out.push(performance.now() - s);
    };
    const pulls: number[] = [];
    await Promise.all(
      devices.map(async (d) => {
        for (let i = 0; i < 20; i += 1) await timed(() => d.sync(), pulls);
      }),
    );
    writing = false;
    await writer;
    const health: number[] = [];
    await Promise.all(
      devices.map(async () => {
        for (let i = 0; i < 20; i += 1)
          await timed(() => fetch(`${service.url}/healthz`).then((r) => r.text()), health);
      }),
    );
    pulls.sort((x, y) => x - y);
    health.sort((x, y) => x - y);
    rows.push({
      db: kind,
      measure: 'pull latency, 50 devices polling (1,000 pulls, one writer)',
      result: `p50 ${fmt(pct(pulls, 50), 1)} ms, p99 ${fmt(pct(pulls, 99), 1)} ms`,
      baseline: `GET /healthz, same concurrency: p50 ${fmt(pct(health, 50), 1)} ms, p99 ${fmt(pct(health, 99), 1)} ms`,
      ratio: `${fmt(pct(pulls, 50) / Math.max(pct(health, 50), 0.01), 1)}× (p50)`,
    });
  } finally {
    await service.close();
  }
}

for (const kind of kinds) await bench(kind);
await stopSharedPostgres();
const head: Row = {
  db: 'database',
  measure: 'measure',
  result: 'result',
  baseline: 'baseline (same run)',
  ratio: 'ratio',
};
const keys = Object.keys(head) as (keyof Row)[];
const width = Object.fromEntries(
  keys.map((k) => [k, Math.max(...[head, ...rows].map((r) => r[k].length))]),
) as Record<keyof Row, number>;
const line = (r: Row) => `| ${keys.map((k) => r[k].padEnd(width[k])).join(' | ')} |`;
console.log(
  [line(head), `|${keys.map((k) => '-'.repeat(width[k] + 2)).join('|')}|`, ...rows.map(line)].join('\n'),
);
