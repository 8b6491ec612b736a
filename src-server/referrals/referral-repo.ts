import { eTagFor, parseReferral, type Referral } from '../../src-shared/index';
import type { Db, Queryable } from '../db/driver';
import { notFound } from '../http/errors';
import { ChangeHub } from '../sync/change-hub';
import { columnsOf, type ReferralColumns } from './referral-columns';
import type { ReferralEvent, ReferralEventKind, ReferralEvents } from './referral-events';
import { withActivity } from './activity';

// The one way referrals change, for every channel (push, resource API PATCH, intake, CSV, sweeper,
// seed): `writeReferrals` opens a transaction, bumps the organization's version once under its row
// lock (so versions commit in order and a pull never skips one), and hands out a writer whose
// `save`/`remove` write the row, its change-log row, its audit row and its referral_events outbox
// row. NOTIFY is sent in the same transaction; in-process events are emitted after commit.

export interface AuditActor {
  userId: string | null;
  displayName: string;
}

export interface WriteOrigin {
  /** push, pc-api, intake, csv, sweeper, seed, cli … */
  channel: string;
  actor: AuditActor;
  deviceId?: string | null;
}

export interface StoredReferral {
  referral: Referral;
  version: number;
  fieldVersions: Record<string, number>;
  teamEmails: string[];
  stage: string;
}

export interface SaveInput {
  /** The stored row this change starts from (null: a new referral). */
  before: StoredReferral | null;
  after: Referral;
  action: string;
  actionTime?: string | null;
  lateArrival?: boolean;
  /** Editable deal fields written by this change (their fieldVersions become this version). */
  changedFields?: readonly string[];
  details?: Record<string, unknown>;
  /** Keep `updatedDateTime` as given (seed and imports); otherwise it becomes the write time. */
  keepUpdatedDateTime?: boolean;
}

export interface ReferralWriter {
  readonly tx: Queryable;
  readonly orgId: string;
  /** The version every change of this transaction is written at. */
  readonly version: number;
  /** The transaction's business time (ISO UTC). */
  readonly now: string;
  load(referralId: string, options?: { forUpdate?: boolean }): Promise<StoredReferral | null>;
  /** Several at once (one round trip), keyed by id; missing and deleted ones are absent. */
  loadMany(
    referralIds: readonly string[],
    options?: { forUpdate?: boolean },
  ): Promise<Map<string, StoredReferral>>;
  save(change: SaveInput): Promise<Referral>;
  saveMany(changes: readonly SaveInput[]): Promise<Referral[]>;
  remove(referralId: string, action: string, details?: Record<string, unknown>): Promise<boolean>;
  /** How many rows were saved or removed so far. */
  readonly changeCount: number;
}

export interface WriteDeps {
  db: Db;
  events: ReferralEvents;
  now: () => Date;
}

class NothingToCommit extends Error {}

/**
 * Runs `fn` in one write transaction of organization `orgId`. With `rollbackIfUnchanged`, a run
 * that saved nothing is rolled back so it does not consume a version (the sweeper's empty passes).
 */
export async function writeReferrals<T>(
  deps: WriteDeps,
  orgId: string,
  origin: WriteOrigin,
  fn: (writer: ReferralWriter) => Promise<T>,
  options: { rollbackIfUnchanged?: boolean } = {},
): Promise<T> {
  const pending: ReferralEvent[] = [];
  let unchangedResult: { value: T } | null = null;
  try {
    const result = await deps.db.tx(async (tx) => {
      const bumped = await tx.query<{ version: number }>(
        'UPDATE organizations SET version = version + 1 WHERE id = $1 RETURNING version',
        [orgId],
      );
      const version = bumped[0]?.version;
      if (version === undefined) throw notFound('organization');
      const writer = new Writer(tx, orgId, version, deps.now().toISOString(), origin, pending);
      const value = await fn(writer);
      if (writer.changeCount === 0 && options.rollbackIfUnchanged) {
        unchangedResult = { value };
        throw new NothingToCommit();
      }
      if (writer.changeCount > 0) await ChangeHub.notifyInTx(tx, orgId);
      return value;
    });
    deps.events.emitCommitted(pending);
    return result;
  } catch (error) {
    if (error instanceof NothingToCommit && unchangedResult) return (unchangedResult as { value: T }).value;
    throw error;
  }
}

interface ReferralRow {
  data: Referral;
  version: number;
  field_versions: Record<string, number>;
  team_emails: string[];
  stage: string;
}

/** Reads one live (not deleted) referral of an organization, without any visibility rule. */
export async function loadReferral(
  db: Queryable,
  orgId: string,
  referralId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredReferral | null> {
  return (await loadReferrals(db, orgId, [referralId], options)).get(referralId) ?? null;
}

export async function loadReferrals(
  db: Queryable,
  orgId: string,
  referralIds: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<Map<string, StoredReferral>> {
  const out = new Map<string, StoredReferral>();
  if (referralIds.length === 0) return out;
  const rows = await db.query<ReferralRow & { id: string }>(
    `SELECT id, data, version, field_versions, team_emails, stage FROM referrals
      WHERE org_id = $1 AND id = ANY($2::text[]) AND NOT deleted ORDER BY id${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, [...new Set(referralIds)]],
  );
  for (const row of rows) out.set(row.id, toStored(row));
  return out;
}

function toStored(row: ReferralRow & { id: string }): StoredReferral {
  const parsed = parseReferral(row.data);
  if (!parsed.success) throw new Error(`Stored referral ${row.id} does not parse: ${parsed.error.message}`);
  return {
    referral: parsed.data,
    version: row.version,
    fieldVersions: row.field_versions,
    teamEmails: row.team_emails,
    stage: row.stage,
  };
}

const BATCH = 500;

const UPSERT_SQL = `
INSERT INTO referrals AS r (org_id, id, data, version, status, substatus, qualification, type, direction, tab, stage,
  favorite, is_test, deadline, created_at, updated_at, dedupe_key, team_emails, ever_team_emails, was_received,
  field_versions, deleted)
SELECT $1, x.id, x.data, $2, x.status, x.substatus, x.qualification, x.type, x.direction, x.tab, x.stage,
  x.favorite, x.is_test, x.deadline, x.created_at, x.updated_at, x.dedupe_key,
  ARRAY(SELECT jsonb_array_elements_text(x.team_emails)), ARRAY(SELECT jsonb_array_elements_text(x.team_emails)),
  x.was_received, x.field_versions, false
FROM jsonb_to_recordset($3::jsonb) AS x(id text, data jsonb, status text, substatus text, qualification text,
  type text, direction text, tab text, stage text, favorite boolean, is_test boolean, deadline timestamptz,
  created_at timestamptz, updated_at timestamptz, dedupe_key text, team_emails jsonb, was_received boolean,
  field_versions jsonb)
ON CONFLICT (org_id, id) DO UPDATE SET
  data = EXCLUDED.data, version = EXCLUDED.version, status = EXCLUDED.status, substatus = EXCLUDED.substatus,
  qualification = EXCLUDED.qualification, type = EXCLUDED.type, direction = EXCLUDED.direction, tab = EXCLUDED.tab,
  stage = EXCLUDED.stage, favorite = EXCLUDED.favorite, is_test = EXCLUDED.is_test, deadline = EXCLUDED.deadline,
  created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, dedupe_key = EXCLUDED.dedupe_key,
  team_emails = EXCLUDED.team_emails,
  ever_team_emails = ARRAY(SELECT DISTINCT e FROM unnest(r.ever_team_emails || EXCLUDED.team_emails) AS e),
  was_received = r.was_received OR EXCLUDED.was_received,
  field_versions = r.field_versions || EXCLUDED.field_versions,
  deleted = false`;

const CHANGE_LOG_SQL = `
INSERT INTO change_log (org_id, version, referral_id, op)
SELECT $1, $2, x.id, x.op FROM jsonb_to_recordset($3::jsonb) AS x(id text, op text)
ON CONFLICT DO NOTHING`;

const AUDIT_SQL = `
INSERT INTO audit_log (org_id, referral_id, version, at, action, channel, actor_user_id, actor_name, device_id,
  from_status, from_substatus, to_status, to_substatus, action_time, late_arrival, details)
SELECT $1, x.referral_id, $2, $3, x.action, $4, $5, $6, $7, x.from_status, x.from_substatus, x.to_status,
  x.to_substatus, x.action_time, x.late_arrival, x.details
FROM jsonb_to_recordset($8::jsonb) AS x(referral_id text, action text, from_status text, from_substatus text,
  to_status text, to_substatus text, action_time timestamptz, late_arrival boolean, details jsonb)`;

const EVENTS_SQL = `
INSERT INTO referral_events (org_id, referral_id, version, kind, action, channel, tab, qualification)
SELECT $1, x.referral_id, $2, x.kind, x.action, $3, x.tab, x.qualification
FROM jsonb_to_recordset($4::jsonb) AS x(referral_id text, kind text, action text, tab text, qualification text)
RETURNING id, referral_id`;

interface Prepared {
  change: SaveInput;
  referral: Referral;
  columns: ReferralColumns;
  kind: ReferralEventKind;
}

class Writer implements ReferralWriter {
  changeCount = 0;

  constructor(
    readonly tx: Queryable,
    readonly orgId: string,
    readonly version: number,
    readonly now: string,
    private readonly origin: WriteOrigin,
    private readonly pending: ReferralEvent[],
  ) {}

  load(referralId: string, options: { forUpdate?: boolean } = {}): Promise<StoredReferral | null> {
    return loadReferral(this.tx, this.orgId, referralId, options);
  }

  loadMany(
    referralIds: readonly string[],
    options: { forUpdate?: boolean } = {},
  ): Promise<Map<string, StoredReferral>> {
    return loadReferrals(this.tx, this.orgId, referralIds, options);
  }

  async save(change: SaveInput): Promise<Referral> {
    const [saved] = await this.saveMany([change]);
    return saved as Referral;
  }

  async saveMany(changes: readonly SaveInput[]): Promise<Referral[]> {
    const out: Referral[] = [];
    let chunk: Prepared[] = [];
    const ids = new Set<string>();
    for (const change of changes) {
      const referral: Referral = withActivity(
        {
          ...change.after,
          eTag: eTagFor(this.version),
          updatedDateTime: change.keepUpdatedDateTime ? change.after.updatedDateTime : this.now,
        },
        change,
        this.origin,
        this.now,
      );
      // One statement may not upsert the same row twice: flush before a repeated id.
      if (ids.has(referral.id) || chunk.length >= BATCH) {
        await this.writeChunk(chunk);
        chunk = [];
        ids.clear();
      }
      ids.add(referral.id);
      chunk.push({
        change,
        referral,
        columns: columnsOf(referral),
        kind: change.before ? 'updated' : 'created',
      });
      out.push(referral);
    }
    await this.writeChunk(chunk);
    return out;
  }

  private async writeChunk(chunk: readonly Prepared[]): Promise<void> {
    if (chunk.length === 0) return;
    const rows = chunk.map((p) => ({
      ...p.columns,
      data: p.referral,
      field_versions: Object.fromEntries((p.change.changedFields ?? []).map((f) => [f, this.version])),
    }));
    await this.tx.query(UPSERT_SQL, [this.orgId, this.version, JSON.stringify(rows)]);
    await this.tx.query(CHANGE_LOG_SQL, [
      this.orgId,
      this.version,
      JSON.stringify(chunk.map((p) => ({ id: p.referral.id, op: p.change.before ? 'update' : 'insert' }))),
    ]);
    await this.audit(
      chunk.map((p) => ({
        referral_id: p.referral.id,
        action: p.change.action,
        from_status: p.change.before?.referral.status ?? null,
        from_substatus: p.change.before?.referral.substatus ?? null,
        to_status: p.referral.status,
        to_substatus: p.referral.substatus,
        action_time: p.change.actionTime ?? null,
        late_arrival: p.change.lateArrival ?? false,
        details: p.change.details ?? {},
      })),
    );
    await this.recordEvents(
      chunk.map((p) => ({
        referral: p.referral,
        kind: p.kind,
        action: p.change.action,
        tab: p.columns.tab,
        qualification: p.columns.qualification,
      })),
    );
    this.changeCount += chunk.length;
  }

  async remove(referralId: string, action: string, details: Record<string, unknown> = {}): Promise<boolean> {
    const rows = await this.tx.query<{ data: Referral; tab: string; qualification: string }>(
      `UPDATE referrals SET deleted = true, version = $3, updated_at = $4
        WHERE org_id = $1 AND id = $2 AND NOT deleted RETURNING data, tab, qualification`,
      [this.orgId, referralId, this.version, this.now],
    );
    const row = rows[0];
    if (!row) return false;
    await this.tx.query(CHANGE_LOG_SQL, [
      this.orgId,
      this.version,
      JSON.stringify([{ id: referralId, op: 'delete' }]),
    ]);
    await this.audit([
      {
        referral_id: referralId,
        action,
        from_status: row.data.status,
        from_substatus: row.data.substatus,
        to_status: null,
        to_substatus: null,
        action_time: null,
        late_arrival: false,
        details,
      },
    ]);
    await this.recordEvents([
      { referral: null, referralId, kind: 'deleted', action, tab: row.tab, qualification: row.qualification },
    ]);
    this.changeCount += 1;
    return true;
  }

  private async audit(rows: readonly Record<string, unknown>[]): Promise<void> {
    const { actor, channel, deviceId } = this.origin;
    await this.tx.query(AUDIT_SQL, [
      this.orgId,
      this.version,
      this.now,
      channel,
      actor.userId,
      actor.displayName,
      deviceId ?? null,
      JSON.stringify(rows),
    ]);
  }

  private async recordEvents(
    items: readonly {
      referral: Referral | null;
      referralId?: string;
      kind: ReferralEventKind;
      action: string;
      tab: string;
      qualification: string;
    }[],
  ): Promise<void> {
    const payload = items.map((i) => ({
      referral_id: i.referral?.id ?? i.referralId ?? '',
      kind: i.kind,
      action: i.action,
      tab: i.tab,
      qualification: i.qualification,
    }));
    const inserted = await this.tx.query<{ id: number; referral_id: string }>(EVENTS_SQL, [
      this.orgId,
      this.version,
      this.origin.channel,
      JSON.stringify(payload),
    ]);
    const ids = new Map(inserted.map((row) => [row.referral_id, row.id]));
    items.forEach((item, index) => {
      const id = ids.get(payload[index]?.referral_id ?? '') ?? 0;
      this.pending.push({
        id,
        orgId: this.orgId,
        referralId: payload[index]?.referral_id ?? '',
        version: this.version,
        kind: item.kind,
        action: item.action,
        channel: this.origin.channel,
        referral: item.referral,
      });
    });
  }
}
