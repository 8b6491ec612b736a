// The service's half of the first sync: times each snapshot page fetched serially from the
// in-process service (PGlite), with no client work. Prints ms per page; asserts nothing.
//   npx tsx test/bench/client/snapshot-pages.ts [count] [pageSize]
import { startClientTestService } from '../../integration/client/support/service';

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  const pageSize = Number(process.argv[3] ?? 2000);
  const service = await startClientTestService({
    config: { accessTokenTtlSeconds: 3600, snapshotPageSize: pageSize },
  });
  try {
    const org = await service.newOrg('Pages');
    await org.addDemoReferrals(n, n);
    const res = await fetch(`${service.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(org.admin),
    });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const get = async (q: string) => {
      const t = performance.now();
      const r = await fetch(`${service.url}/v1/sync/snapshot?${q}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const text = await r.text();
      return {
        ms: performance.now() - t,
        body: JSON.parse(text) as { snapshot: string; pageCount: number },
        bytes: text.length,
      };
    };
    const start = performance.now();
    const first = await get('page=0');
    const times = [first.ms];
    for (let p = 1; p < first.body.pageCount; p++)
      times.push((await get(`snapshot=${first.body.snapshot}&page=${p}`)).ms);
    const total = performance.now() - start;
    console.log(
      `${n} referrals, ${first.body.pageCount} pages of ${pageSize}, ${(first.bytes / 1e6).toFixed(1)} MB each: ${(total / 1000).toFixed(2)} s, ${Math.round(n / (total / 1000))}/s; page 0 (creates the snapshot) ${first.ms.toFixed(0)} ms, others median ${median(times.slice(1)).toFixed(0)} ms`,
    );
  } finally {
    await service.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
