import {
  actionTimeOf,
  decide,
  parseIntent,
  PushMutationSchema,
  stageOf,
  type FieldConflict,
  type PushMutation,
  type Referral,
} from '../../src-shared/index';
import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import type { Queryable } from '../db/driver';
import { HttpError, parseInput, zodDetails } from '../http/errors';
import { columnsOf } from '../referrals/referral-columns';
import {
  writeReferrals,
  type ReferralWriter,
  type SaveInput,
  type StoredReferral,
} from '../referrals/referral-repo';
import { isVisibleTo } from '../referrals/visibility';
import { MAX_MUTATIONS_PER_PUSH, PushEnvelopeSchema, SUPPORTED_SCHEMA_VERSIONS } from './sync-schemas';
import { withActingMember } from '../referrals/acting-member';

// POST /v1/sync/push. One transaction per push: the organization version is bumped once, every
// new mutation is decided by the shared `decide` and its outcome stored with that version, and
// the device's last seq moves in the same commit. A database failure therefore advances nothing.

export interface PushResult {
  seq: number;
  outcome: 'applied' | 'noop' | 'rejected';
  reason?: string;
  referral?: Referral;
  conflicts?: FieldConflict[];
  details?: { field: string; message: string }[];
}

interface StoredOutcome {
  seq: number;
  referral_id: string | null;
  outcome: PushResult['outcome'];
  reason: string | null;
  extra: { conflicts?: FieldConflict[]; details?: { field: string; message: string }[] };
}

function parsePushBody(body: unknown) {
  const envelope = parseInput(PushEnvelopeSchema, body);
  if (!(SUPPORTED_SCHEMA_VERSIONS as readonly number[]).includes(envelope.schemaVersion)) {
    throw new HttpError(
      426,
      'upgrade_required',
      `Schema version ${envelope.schemaVersion} is not supported; update the app.`,
      {
        supportedSchemaVersions: SUPPORTED_SCHEMA_VERSIONS,
      },
    );
  }
  if (envelope.mutations.length > MAX_MUTATIONS_PER_PUSH) {
    throw new HttpError(413, 'too_many_mutations', `At most ${MAX_MUTATIONS_PER_PUSH} mutations per push.`);
  }
  const mutations: PushMutation[] = envelope.mutations.map((raw, index) => {
    const parsed = PushMutationSchema.safeParse(raw);
    if (!parsed.success) {
      const details = zodDetails(parsed.error.issues).map((d) => ({
        ...d,
        field: `mutations.${index}.${d.field}`,
      }));
      throw new HttpError(400, 'invalid_request', `Invalid mutation at index ${index}.`, { details });
    }
    return parsed.data;
  });
  mutations.forEach((m, i) => {
    const prev = mutations[i - 1];
    if (prev && m.seq !== prev.seq + 1) {
      throw new HttpError(400, 'invalid_request', 'Mutations must be ordered by seq without gaps.', {
        details: [{ field: `mutations.${i}.seq`, message: `expected ${prev.seq + 1}` }],
      });
    }
  });
  return { ...envelope, mutations };
}

function toResult(row: StoredOutcome, referral: Referral | null): PushResult {
  return {
    seq: row.seq,
    outcome: row.outcome,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(referral ? { referral } : {}),
    ...(row.extra.conflicts ? { conflicts: row.extra.conflicts } : {}),
    ...(row.extra.details ? { details: row.extra.details } : {}),
  };
}

async function storedOutcomes(
  db: Queryable,
  deviceId: string,
  seqs: readonly number[],
): Promise<StoredOutcome[]> {
  if (seqs.length === 0) return [];
  return db.query<StoredOutcome>(
    `SELECT seq, referral_id, outcome, reason, extra FROM push_results
      WHERE device_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq`,
    [deviceId, Math.min(...seqs), Math.max(...seqs)],
  );
}

/** Replays return the stored outcome, with the service's current copy of the referral if visible. */
async function replayResults(
  db: Queryable,
  principal: Principal,
  deviceId: string,
  seqs: readonly number[],
): Promise<PushResult[]> {
  const rows = await storedOutcomes(db, deviceId, seqs);
  const ids = [...new Set(rows.map((r) => r.referral_id).filter((id): id is string => id !== null))];
  const current = new Map<string, Referral>();
  if (ids.length > 0) {
    const found = await db.query<{ id: string; data: Referral; team_emails: string[]; stage: string }>(
      'SELECT id, data, team_emails, stage FROM referrals WHERE org_id = $1 AND id = ANY($2::text[]) AND NOT deleted',
      [principal.orgId, ids],
    );
    for (const row of found) if (isVisibleTo(principal, row)) current.set(row.id, row.data);
  }
  return rows.map((row) => toResult(row, row.referral_id ? (current.get(row.referral_id) ?? null) : null));
}

interface DecideInput {
  writer: ReferralWriter;
  /** The push's referrals, locked and loaded once, updated in memory as mutations apply. */
  cache: Map<string, StoredReferral>;
  /** Saved together at the end of the push: a handful of statements instead of five per mutation. */
  saves: SaveInput[];
  principal: Principal;
  deviceId: string;
  clockOffsetMs: number;
  rejectedAcceptIds: Set<string>;
}

async function applyMutation(
  m: PushMutation,
  input: DecideInput,
): Promise<{ stored: StoredOutcome; referral: Referral | null; name: string }> {
  const { writer, principal, deviceId } = input;
  const base = { seq: m.seq, referral_id: null as string | null, reason: null as string | null, extra: {} };
  const parsed = parseIntent(m.name, m.args);
  if (!parsed.ok) {
    return {
      stored: { ...base, outcome: 'rejected', reason: 'invalid_args', extra: { details: parsed.error } },
      referral: null,
      name: m.name,
    };
  }
  const intent = withActingMember(parsed.intent, principal);
  const referralId = intent.args.referralId;
  const loaded = input.cache.get(referralId) ?? null;
  const visible =
    loaded && isVisibleTo(principal, { team_emails: loaded.teamEmails, stage: loaded.stage }) ? loaded : null;
  const actionTime = actionTimeOf({
    createdAt: m.createdAt,
    clockOffsetMs: input.clockOffsetMs,
    // When the referral reached the device is not recorded per device: its creation is the bound.
    receivedOnDeviceAt: visible?.referral.createdDateTime ?? null,
    serverReceivedAt: writer.now,
  });
  const decision = decide(visible?.referral ?? null, intent, {
    now: writer.now,
    actionTime,
    actor: { userId: principal.userId, displayName: principal.displayName, email: principal.email },
    deviceId,
    version: writer.version,
    rejectedAcceptIds: input.rejectedAcceptIds,
    fieldVersions: visible?.fieldVersions ?? {},
  });
  const conflicts = decision.conflicts?.length ? { conflicts: decision.conflicts } : {};
  const stored: StoredOutcome = {
    seq: m.seq,
    referral_id: referralId,
    outcome: decision.outcome,
    reason: decision.outcome === 'applied' ? null : (decision.reason ?? null),
    extra: conflicts,
  };
  if (decision.outcome === 'rejected' && intent.name === 'accept') input.rejectedAcceptIds.add(referralId);
  if (decision.outcome !== 'applied')
    return { stored, referral: visible?.referral ?? null, name: intent.name };
  const saved = decision.referral;
  input.saves.push({
    before: visible,
    after: saved,
    action: intent.name,
    actionTime,
    lateArrival: decision.lateArrival ?? false,
    changedFields: decision.changedFields ?? [],
    details: { mutationId: m.id, seq: m.seq, ...conflicts },
  });
  const columns = columnsOf(saved);
  input.cache.set(referralId, {
    referral: saved,
    version: writer.version,
    fieldVersions: {
      ...(visible?.fieldVersions ?? {}),
      ...Object.fromEntries((decision.changedFields ?? []).map((f) => [f, writer.version])),
    },
    teamEmails: columns.team_emails,
    stage: columns.stage,
  });
  const stillVisible = isVisibleTo(principal, {
    team_emails: saved.team.map((t) => t.email.toLowerCase()),
    stage: stageOf(saved),
  });
  return { stored, referral: stillVisible ? saved : null, name: intent.name };
}

export async function handlePush(ctx: ServiceContext, principal: Principal, body: unknown) {
  const push = parsePushBody(body);
  const serverTime = () => ctx.now().toISOString();
  const seqs = push.mutations.map((m) => m.seq);
  if (seqs.length === 0) {
    const rows = await ctx.db.query<{ user_id: string; last_seq: number }>(
      'SELECT user_id, last_seq FROM devices WHERE id = $1',
      [push.deviceId],
    );
    if (rows[0] && rows[0].user_id !== principal.userId) throw deviceForbidden();
    return { lastAckSeq: rows[0]?.last_seq ?? 0, results: [], serverTime: serverTime() };
  }
  // Fast path: a pure replay needs no lock (last_seq only ever grows).
  const known = await ctx.db.query<{ user_id: string; last_seq: number }>(
    'SELECT user_id, last_seq FROM devices WHERE id = $1',
    [push.deviceId],
  );
  const device = known[0];
  if (device && device.user_id !== principal.userId) throw deviceForbidden();
  if (device && seqs.length > 0 && Math.max(...seqs) <= device.last_seq) {
    return {
      lastAckSeq: device.last_seq,
      results: await replayResults(ctx.db, principal, push.deviceId, seqs),
      serverTime: serverTime(),
    };
  }
  const clockOffsetMs = Date.parse(serverTime()) - Date.parse(push.clientTime);
  const origin = {
    channel: 'push',
    actor: { userId: principal.userId, displayName: principal.displayName },
    deviceId: push.deviceId,
  };
  return writeReferrals(ctx, principal.orgId, origin, async (writer) => {
    const tx = writer.tx;
    await tx.query(
      `INSERT INTO devices (id, user_id, org_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [push.deviceId, principal.userId, principal.orgId],
    );
    const locked = await tx.query<{ user_id: string; last_seq: number }>(
      'SELECT user_id, last_seq FROM devices WHERE id = $1 FOR UPDATE',
      [push.deviceId],
    );
    const row = locked[0];
    if (!row || row.user_id !== principal.userId) throw deviceForbidden();
    const last = row.last_seq;
    const fresh = push.mutations.filter((m) => m.seq > last);
    const first = fresh[0];
    if (first && first.seq !== last + 1) {
      throw new HttpError(409, 'seq_gap', `Expected seq ${last + 1}; resend from there.`, {
        expectedSeq: last + 1,
      });
    }
    const replays = await replayResults(
      tx,
      principal,
      push.deviceId,
      seqs.filter((s) => s <= last),
    );
    const rejectedRows = await tx.query<{ referral_id: string }>(
      `SELECT referral_id FROM push_results WHERE device_id = $1 AND name = 'accept' AND outcome = 'rejected' AND referral_id IS NOT NULL`,
      [push.deviceId],
    );
    const ids = fresh
      .map((m) => (m.args as { referralId?: unknown } | undefined)?.referralId)
      .filter((id): id is string => typeof id === 'string')
      .map((id) => id.trim());
    const input: DecideInput = {
      writer,
      cache: await writer.loadMany(ids, { forUpdate: true }),
      saves: [],
      principal,
      deviceId: push.deviceId,
      clockOffsetMs,
      rejectedAcceptIds: new Set(rejectedRows.map((r) => r.referral_id)),
    };
    const results: PushResult[] = [...replays];
    const toStore: (StoredOutcome & { mutation_id: string; name: string })[] = [];
    for (const m of fresh) {
      const { stored, referral, name } = await applyMutation(m, input);
      toStore.push({ ...stored, mutation_id: m.id, name });
      results.push(toResult(stored, referral));
    }
    await writer.saveMany(input.saves);
    if (toStore.length > 0) {
      await tx.query(
        `INSERT INTO push_results (device_id, seq, mutation_id, name, referral_id, outcome, reason, extra, at_version)
         SELECT $1, x.seq, x.mutation_id, x.name, x.referral_id, x.outcome, x.reason, x.extra, $2
           FROM jsonb_to_recordset($3::jsonb) AS x(seq bigint, mutation_id text, name text, referral_id text, outcome text, reason text, extra jsonb)`,
        [push.deviceId, writer.version, JSON.stringify(toStore)],
      );
    }
    const lastAckSeq = last + fresh.length;
    await tx.query(
      'UPDATE devices SET last_seq = $2, clock_offset_ms = $3, last_seen_at = now() WHERE id = $1',
      [push.deviceId, lastAckSeq, clockOffsetMs],
    );
    return { lastAckSeq, results, serverTime: writer.now };
  });
}

const deviceForbidden = () =>
  new HttpError(403, 'device_forbidden', 'This device is registered to another user.');
