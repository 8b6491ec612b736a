// Client benchmark (issue 4): first sync of 10,000 and 100,000 referrals from the real service
// into IndexedDB in Chromium, against a raw IndexedDB bulk put of the same documents in the same
// run; time to the first 50 rows; counts; search p50/p95; memory. Prints a table; asserts nothing.
//   npx tsx test/bench/client/first-sync.ts [sizes…]      (default: 10000 100000)
import { launchChromium } from '../../support/browser';
import { startClientTestService } from '../../integration/client/support/service';
import { buildHarness } from '../../e2e/client/support/build-harness';
import { startProfile } from './cpu-profile';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000];

interface Row {
  n: number;
  syncS: number;
  perS: number;
  rawPerS: number;
  rawRelaxedPerS: number;
  ratio: number;
  first50Ms: number;
  countsMs: number;
  indexLoadMs: number;
  searchP50: number;
  searchP95: number;
  heapMb: number;
}

async function main() {
  const dir = await buildHarness('bench-page');
  const service = await startClientTestService({ config: { rendererDir: dir, accessTokenTtlSeconds: 3600 } });
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    for (const n of SIZES) {
      const org = await service.newOrg(`Bench ${n}`);
      const seedStart = Date.now();
      await org.addDemoReferrals(n, n);
      process.stderr.write(`seeded ${n} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s\n`);
      // After minutes of seeding the pooled keep-alive socket may be closed by the server: retry once.
      const signIn = () =>
        fetch(`${service.url}/v1/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(org.admin),
        });
      const res = await signIn().catch(signIn);
      const { accessToken } = (await res.json()) as { accessToken: string };
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${service.url}/app/index.html`);
      await page.waitForFunction(() => 'bench' in window);
      type Bench = {
        bench: {
          firstSync(
            db: string,
            token: string,
          ): Promise<{ n: number; ms: number; fetchMs: number; firstRowsMs: number }>;
          measure(
            db: string,
          ): Promise<{
            rawMs: number;
            rawRelaxedMs: number;
            countsP50: number;
            indexLoadMs: number;
            searchP50: number;
            searchP95: number;
          }>;
        };
      };
      const profiler = process.env['BENCH_CPU_PROFILE'] ? await startProfile(context, page) : null;
      const sync = await page.evaluate(
        ([db, token]) => (window as unknown as Bench).bench.firstSync(db, token),
        [`bench-${n}`, accessToken] as const,
      );
      process.stderr.write(
        `sync ${n}: ${(sync.ms / 1000).toFixed(1)} s, of which waiting for the service ${(sync.fetchMs / 1000).toFixed(1)} s\n`,
      );
      if (profiler) await profiler.stop(`first-sync-${n}`);
      const m = await page.evaluate((db) => (window as unknown as Bench).bench.measure(db), `bench-${n}`);
      if (process.env['BENCH_PROBE']) {
        const probe = await page.evaluate(
          (db) => (window as unknown as { probe(db: string): Promise<unknown> }).probe(db),
          `bench-${n}`,
        );
        process.stderr.write(`probe (2,000 rows): ${JSON.stringify(probe)}\n`);
      }
      if (process.env['BENCH_SHAPES']) {
        const shapes = await page.evaluate(
          (db) => (window as unknown as { shapes(db: string): Promise<unknown> }).shapes(db),
          `bench-${n}`,
        );
        process.stderr.write(`stored shapes (2,000 rows, ms): ${JSON.stringify(shapes)}\n`);
      }
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      rows.push({
        n: sync.n,
        syncS: sync.ms / 1000,
        perS: sync.n / (sync.ms / 1000),
        rawPerS: sync.n / (m.rawMs / 1000),
        rawRelaxedPerS: sync.n / (m.rawRelaxedMs / 1000),
        ratio: m.rawMs / sync.ms,
        first50Ms: sync.firstRowsMs,
        countsMs: m.countsP50,
        indexLoadMs: m.indexLoadMs,
        searchP50: m.searchP50,
        searchP95: m.searchP95,
        heapMb: heap.usedSize / 1e6,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await service.close();
  }
  const f = (x: number, d = 0) => x.toFixed(d);
  console.log(
    '| referrals | first sync | referrals/s | raw IDB put/s (default / relaxed) | sync ÷ raw speed | first 50 rows | counts p50 | search index load | search p50 | search p95 | JS heap after |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.n} | ${f(r.syncS, 1)} s | ${f(r.perS)} | ${f(r.rawPerS)} / ${f(r.rawRelaxedPerS)} | ${f(r.ratio, 2)} | ${f(r.first50Ms)} ms | ${f(r.countsMs, 1)} ms | ${f(r.indexLoadMs)} ms | ${f(r.searchP50, 1)} ms | ${f(r.searchP95, 1)} ms | ${f(r.heapMb)} MB |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
