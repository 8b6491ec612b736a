// Marketplace intake throughput: 10,000 leads POSTed to /v1/intake/marketplace/{key} (8 at a
// time, each its own write transaction, as Microsoft sends them), against a baseline measured in
// the same run: the same leads normalized and written straight through the repository in one
// batched transaction. Prints a table; no assertions.
// Run: npx tsx test/bench/service/intake-bench.ts [count]
import { normalizeHttpsLead, type NormalizedLead } from '../../../src-shared/index';
import { createIntakeKey, createOrganization } from '../../../src-server/auth/identity-repo';
import { ingestLeads, INTAKE_ORIGIN, newLeadContext } from '../../../src-server/intake/lead-ingest';
import { writeReferrals } from '../../../src-server/referrals/referral-repo';
import { postgresAvailable } from '../../support/postgres';
import { startService, stopSharedPostgres, type DatabaseKind } from '../../support/service';

const COUNT = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = 8;

const payload = (i: number) => ({
  UserDetails: {
    FirstName: 'Lead',
    LastName: String(i),
    Email: `lead${i}@bench.example`,
    Phone: '+1 555 0100',
    Country: 'US',
    Company: `Company ${i}`,
    Title: 'CTO',
  },
  LeadSource: 'AzureMarketplace-PLT|contoso.crm-connector',
  ActionCode: 'PLT',
  OfferTitle: 'Contoso CRM Connector',
  Description: 'Interested in a trial',
});

interface Row {
  database: DatabaseKind;
  httpPerSecond: number;
  baselinePerSecond: number;
}

async function run(database: DatabaseKind): Promise<Row> {
  process.env['INTAKE_RATE_LIMIT_MAX'] = String(COUNT * 10);
  const service = await startService({}, { database });
  delete process.env['INTAKE_RATE_LIMIT_MAX'];
  try {
    const org = await createOrganization(service.ctx.db, { name: 'Bench HTTP' });
    const { key } = await createIntakeKey(service.ctx.db, org.id);
    const bodies = Array.from({ length: COUNT }, (_, i) => JSON.stringify(payload(i)));
    let next = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++] as string;
          const response = await fetch(`${service.url}/v1/intake/marketplace/${key}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await response.arrayBuffer();
          if (response.status !== 202) failed += 1;
        }
      }),
    );
    const httpSeconds = (performance.now() - started) / 1000;
    if (failed > 0) console.error(`${failed} intake requests were not 202`);

    // Baseline: the same leads, normalized, written by the repository in one batched transaction.
    const base = await createOrganization(service.ctx.db, { name: 'Bench baseline' });
    const now = new Date().toISOString();
    const leads = Array.from({ length: COUNT }, (_, i) =>
      normalizeHttpsLead(payload(i), newLeadContext(now)),
    ).filter((l): l is NormalizedLead => l.ok);
    const baseStarted = performance.now();
    await writeReferrals(service.ctx, base.id, INTAKE_ORIGIN, (writer) => ingestLeads(writer, leads));
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    return { database, httpPerSecond: COUNT / httpSeconds, baselinePerSecond: COUNT / baseSeconds };
  } finally {
    await service.close();
  }
}

const rows: Row[] = [];
for (const database of ['pglite', 'postgres'] as const) {
  if (database === 'postgres' && !postgresAvailable()) {
    console.log('Postgres is not installed: skipping it.');
    continue;
  }
  rows.push(await run(database));
}
await stopSharedPostgres();

console.log(
  `\nMarketplace intake, ${COUNT.toLocaleString('en')} leads (HTTP: ${CONCURRENCY} concurrent POSTs, one transaction each)\n`,
);
console.log(
  '| database | intake over HTTP (leads/s) | baseline: repository batch (leads/s) | HTTP / baseline |',
);
console.log('|---|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.database} | ${r.httpPerSecond.toFixed(0)} | ${r.baselinePerSecond.toFixed(0)} | ${(r.httpPerSecond / r.baselinePerSecond).toFixed(2)} |`,
  );
}
