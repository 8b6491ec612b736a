import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferralSchema, stageOf, type Referral } from '../../../src-shared/index';
import type { OutboxRow } from '../../../src-renderer/db/rows';
import { getMeta, setMeta } from '../../../src-renderer/db/meta';
import {
  AuthError,
  FatalSyncError,
  StorageFullError,
  TransientError,
} from '../../../src-renderer/sync/errors';
import type { FaultPoint } from '../../../src-renderer/sync/ports';
import type { SyncEngine } from '../../../src-renderer/sync/engine';
import { simClock, startClientTestService, type ClientTestService, type TestOrg } from './support/service';
import { makeDevice, type Device } from './support/device';
import { nemesis, type Fault, type Nemesis } from './support/nemesis';
import { SYNC_MODEL_REGRESSIONS } from './sync-model-regressions';

// Model-based fuzz test: several devices (each its own IndexedDB running the real engine) against
// the real service, under a nemesis. The model is simple on purpose: whatever happened, after
// quiescence every committed mutation has exactly one outcome at the service, every rejection is
// in its device's sync issues with its arguments, every device equals the service, lifecycle
// invariants hold, and the outboxes are empty.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEVICES = 3;
const REFERRALS = 10;
const NUM_RUNS = Number(process.env['SYNC_FUZZ_RUNS'] ?? 20);

const KINDS = [
  'accept',
  'decline',
  'markWon',
  'markLost',
  'setFavorite',
  'editDeal',
  'addTeamMember',
  'addNote',
] as const;
const KILLS = ['after-outbox-commit', 'mid-push', 'mid-pull-page', 'mid-snapshot'] as const;

type Step =
  | { t: 'act'; dev: number; ref: number; kind: (typeof KINDS)[number]; n: number }
  | { t: 'sync'; dev: number }
  | { t: 'fault'; dev: number; fault: Fault; count: number }
  | { t: 'offline'; dev: number; hours: number }
  | { t: 'online'; dev: number }
  | { t: 'advance'; hours: number }
  | { t: 'sweep' }
  | { t: 'kill'; dev: number; point: (typeof KILLS)[number] }
  | { t: 'skew'; dev: number; ms: number }
  | { t: 'new-referral' }
  | { t: 'reset'; dev: number };

const dev = fc.nat(DEVICES - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('act' as const),
      dev,
      ref: fc.nat(REFERRALS + 3),
      kind: fc.constantFrom(...KINDS),
      n: fc.nat(1000),
    }),
  },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), dev }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      dev,
      fault: fc.constantFrom<Fault>('drop-request', 'drop-response', 'duplicate', '401', '503'),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('offline' as const), dev, hours: fc.integer({ min: 1, max: 96 }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('online' as const), dev }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 72 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'sweep' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('kill' as const), dev, point: fc.constantFrom(...KILLS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('skew' as const),
      dev,
      ms: fc.integer({ min: -2 * DAY, max: 2 * DAY }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'new-referral' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reset' as const), dev }) },
);

interface Sim {
  device: Device;
  net: Nemesis;
  engine: SyncEngine;
  fault: FaultPoint | null;
  needsSignIn: boolean;
  committed: OutboxRow[];
}

let service: ClientTestService;
/** What the runs exercised, printed at the end so that a quiet nemesis is noticed. */
const seen = {
  kills: 0,
  outcomes: {} as Record<string, number>,
  faults: {} as Record<string, number>,
  snapshots: 0,
  signIns: 0,
};
const clock = simClock();
let runNo = 0;

beforeAll(async () => {
  service = await startClientTestService({ clock, config: { snapshotPageSize: 4, pullPageLimit: 3 } });
});
afterAll(async () => {
  console.log('sync model exercised:', JSON.stringify(seen));
  await service?.close();
});

function referralDoc(n: number): Referral {
  const created = new Date(clock.nowMs - ((n * 37) % 13) * DAY - (n % 5) * HOUR).toISOString();
  return ReferralSchema.parse({
    id: crypto.randomUUID(),
    createdDateTime: created,
    updatedDateTime: created,
    status: n % 4 === 3 ? 'Active' : 'New',
    substatus: n % 4 === 3 ? 'Accepted' : 'Received',
    qualification: 'Direct',
    customerProfile: { name: `Customer ${n}` },
    ...(n % 4 === 3 ? { acceptedDateTime: created, name: `Deal ${n}` } : {}),
  });
}

function argsFor(step: Extract<Step, { t: 'act' }>, referralId: string): unknown {
  switch (step.kind) {
    case 'accept':
      return {
        referralId,
        name: `Deal ${step.n}`,
        dealValue: step.n,
        currency: 'EUR',
        closingDate: '2025-12-31',
      };
    case 'decline':
    case 'markLost':
      return { referralId, reasonCode: (step.n % 8) + 1 };
    case 'markWon':
      return { referralId };
    case 'setFavorite':
      return { referralId, favorite: step.n % 2 === 0 };
    case 'editDeal':
      return { referralId, fields: { dealValue: step.n } };
    case 'addTeamMember':
      return { referralId, member: { email: `p${step.n % 5}@partner.example` } };
    case 'addNote':
      return { referralId, text: `note ${step.n}` };
  }
}

async function act(sim: Sim, step: Extract<Step, { t: 'act' }>, ids: string[]) {
  const referralId = ids[step.ref % ids.length] as string;
  const args = argsFor(step, referralId) as never;
  const a = sim.device.actions;
  const row = await (step.kind === 'addNote'
    ? a.addNote(args)
    : step.kind === 'editDeal'
      ? a.editDeal(args)
      : a[step.kind](args));
  sim.committed.push(row);
}

function restart(sim: Sim) {
  sim.device.reopen();
  sim.engine = sim.device.engine({ fault: (p) => faultHook(sim, p) });
}

function faultHook(sim: Sim, point: FaultPoint): void | Promise<void> {
  if (point === 'pull:page-committed') return checkNoRegression(sim);
  if (point.startsWith('snapshot')) seen.snapshots++;
  if (sim.fault === point) {
    seen.kills++;
    sim.fault = null;
    throw new Error(`killed at ${point}`);
  }
}

/** One round on one device, absorbing the errors a real loop absorbs (and restarting on a kill). */
async function sync(sim: Sim) {
  if (sim.needsSignIn) {
    seen.signIns++;
    await sim.device.tokens.signIn();
    sim.engine.signedIn();
    sim.needsSignIn = false;
  }
  try {
    await sim.engine.syncOnce();
  } catch (error) {
    if (error instanceof AuthError) sim.needsSignIn = true;
    else if (error instanceof TransientError) return;
    else if (error instanceof FatalSyncError || error instanceof StorageFullError) throw error;
    else if (error instanceof Error && error.message.startsWith('killed')) restart(sim);
    else throw error;
  }
}

const VALID: Record<string, string[]> = {
  New: ['Pending', 'Received'],
  Active: ['Accepted'],
  Closed: ['Won', 'Lost', 'Declined', 'Expired'],
};

function checkLifecycle(rows: Map<string, { data: Referral }>, terminal: Map<string, string>) {
  for (const [id, { data }] of rows) {
    expect(VALID[data.status], `${id} ${data.status}/${data.substatus}`).toContain(data.substatus);
    if (data.status === 'Active') expect(data.acceptedDateTime).not.toBeNull();
    if (data.status === 'Closed') expect(data.closedDateTime).not.toBeNull();
    const was = terminal.get(id);
    // Terminal states never change; the one exception is a late-arriving accept of an expired referral.
    if (was && was !== data.substatus) expect([was, data.substatus]).toEqual(['Expired', 'Accepted']);
    if (stageOf(data) === 'archived') terminal.set(id, data.substatus);
    else terminal.delete(id);
  }
}

/**
 * Read-your-writes: an outbox row leaves only once its effect is in the base, so the visible
 * state never goes back to before the user's own action.
 */
async function checkNoRegression(sim: Sim) {
  const { db } = sim.device;
  const deviceId = await getMeta(db.meta, 'deviceId');
  if (!deviceId) return;
  const inOutbox = new Set((await db.outbox.toArray()).map((r) => r.seq));
  for (const r of await service.pushResults(deviceId)) {
    if (r.outcome !== 'applied' || inOutbox.has(r.seq) || !r.referral_id) continue;
    if (!sim.committed.some((c) => c.seq === r.seq)) continue;
    const base = await db.referrals.get(r.referral_id);
    if (base)
      expect(
        base.version,
        `${sim.device.name} seq ${r.seq} settled before its effect reached the base`,
      ).toBeGreaterThanOrEqual(r.at_version);
  }
}

async function runModel(steps: Step[]) {
  runNo++;
  const org: TestOrg = await service.newOrg(`Fuzz ${runNo}`);
  const docs = Array.from({ length: REFERRALS }, (_, n) => referralDoc(n));
  await org.addReferrals(docs);
  const ids = [...docs.map((d) => d.id), crypto.randomUUID()]; // one id the service never knew
  const sims: Sim[] = [];
  for (let i = 0; i < DEVICES; i++) {
    const net = nemesis();
    const device = await makeDevice(service, `r${runNo}-d${i}`, {
      fetch: net.fetch,
      email: org.admin.email,
      password: org.admin.password,
      skewMs: (i - 1) * 7 * HOUR,
    });
    const sim: Sim = {
      device,
      net,
      engine: null as unknown as SyncEngine,
      fault: null,
      needsSignIn: false,
      committed: [],
    };
    sim.engine = device.engine({ fault: (p) => faultHook(sim, p) });
    sims.push(sim);
  }
  const terminal = new Map<string, string>();
  for (const step of steps) {
    const sim = 'dev' in step ? (sims[step.dev] as Sim) : null;
    switch (step.t) {
      case 'act':
        await act(sim!, step, ids);
        break;
      case 'sync':
        await sync(sim!);
        break;
      case 'fault':
        for (let k = 0; k < step.count; k++) sim!.net.queue.push(step.fault);
        break;
      case 'offline':
        sim!.net.offline = true;
        clock.advance(step.hours * HOUR);
        break;
      case 'online':
        sim!.net.offline = false;
        break;
      case 'advance':
        clock.advance(step.hours * HOUR);
        break;
      case 'sweep':
        await service.sweep();
        break;
      case 'skew':
        sim!.device.skewMs = step.ms;
        break;
      case 'new-referral': {
        const doc = referralDoc(ids.length);
        await org.addReferrals([doc]);
        ids.push(doc.id);
        break;
      }
      case 'reset':
        // As if the service's epoch changed: the next pull answers reset.
        await setMeta(sim!.device.db.meta, 'cursor', 'stale');
        break;
      case 'kill':
        if (step.point === 'after-outbox-commit') {
          await act(sim!, { t: 'act', dev: step.dev, ref: 0, kind: 'addNote', n: 1 }, ids);
          restart(sim!);
        } else {
          if (step.point === 'mid-snapshot') await setMeta(sim!.device.db.meta, 'cursor', 'stale');
          sim!.fault =
            step.point === 'mid-push'
              ? 'push:after-response'
              : step.point === 'mid-pull-page'
                ? 'pull:in-transaction'
                : 'snapshot:between-pages';
          await sync(sim!);
          sim!.fault = null;
        }
        break;
    }
    if (step.t === 'sweep' || step.t === 'sync') checkLifecycle(await org.referrals(), terminal);
    if (sim && (step.t === 'sync' || step.t === 'kill')) await checkNoRegression(sim);
  }

  // Quiescence: the network heals, everyone signs in and syncs until the outboxes are empty.
  for (const sim of sims) {
    sim.net.offline = false;
    sim.net.queue.length = 0;
  }
  for (let round = 0; round < 6; round++) {
    for (const sim of sims) await sync(sim);
    const left = await Promise.all(sims.map((s) => s.device.db.outbox.count()));
    if (left.every((n) => n === 0)) break;
  }
  for (const sim of sims) await sync(sim);

  const remote = await org.referrals();
  checkLifecycle(remote, terminal);
  for (const sim of sims) {
    const { db } = sim.device;
    expect(await db.outbox.toArray(), `${sim.device.name} outbox`).toEqual([]);
    const deviceId = await getMeta(db.meta, 'deviceId');
    const results = deviceId ? await service.pushResults(deviceId) : [];
    // Exactly one outcome per committed mutation, for this mutation id.
    expect(results.map((r) => [r.seq, r.mutation_id])).toEqual(sim.committed.map((r) => [r.seq, r.id]));
    for (const r of results)
      seen.outcomes[`${r.outcome} ${r.reason ?? ''}`.trim()] =
        (seen.outcomes[`${r.outcome} ${r.reason ?? ''}`.trim()] ?? 0) + 1;
    for (const [k, v] of Object.entries(sim.net.stats)) seen.faults[k] = (seen.faults[k] ?? 0) + v;
    const issues = await db.syncIssues.toArray();
    const rejected = results.filter((r) => r.outcome === 'rejected');
    expect(issues.map((i) => i.id).sort()).toEqual(rejected.map((r) => r.mutation_id).sort());
    for (const issue of issues) {
      const row = sim.committed.find((c) => c.id === issue.id);
      expect(issue.args).toEqual(row?.args);
      expect(issue.reason).toBe(rejected.find((r) => r.mutation_id === issue.id)?.reason);
    }
    const local = await db.referrals.toArray();
    expect(local.map((r) => r.id).sort(), `${sim.device.name} ids`).toEqual([...remote.keys()].sort());
    for (const row of local) {
      expect(row.version).toBe(remote.get(row.id)?.version);
      expect(row.doc).toEqual(remote.get(row.id)?.data);
    }
    const counts = await db.counts.toArray();
    const byKey = new Map(counts.map((c) => [c.key, c.n]));
    for (const [key, n] of byKey) {
      if (!key.startsWith('t:')) continue;
      const [, tab, stage] = key.split(':');
      expect(n, key).toBe(local.filter((r) => r.tab === tab && r.stage === stage).length);
    }
    sim.device.db.close();
  }
}

describe('sync model under a nemesis', () => {
  it.skipIf(SYNC_MODEL_REGRESSIONS.length === 0).each(SYNC_MODEL_REGRESSIONS)(
    'regression $note',
    async ({ seed, path }) => {
      await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 45 }), runModel), {
        seed,
        path,
        numRuns: 1,
        endOnFailure: true,
      });
    },
  );

  it(`converges with nothing lost or applied twice (${NUM_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 45 }), runModel), {
      numRuns: NUM_RUNS,
      seed: Number(process.env['SYNC_FUZZ_SEED'] ?? 20250602),
      // Shrinking replays dozens of runs against the service: opt in locally with SYNC_FUZZ_SHRINK=1,
      // then keep the printed seed and path in sync-model-regressions.ts.
      endOnFailure: process.env['SYNC_FUZZ_SHRINK'] !== '1',
    });
  }, 600_000);
});
