import { randomUUID } from 'node:crypto';
import {
  mergeMarketplaceAction,
  parseReferral,
  type NormalizedLead,
  type Referral,
} from '../../src-shared/index';
import type { Queryable } from '../db/driver';
import {
  writeReferrals,
  type ReferralWriter,
  type SaveInput,
  type StoredReferral,
  type WriteDeps,
} from '../referrals/referral-repo';

// Normalized marketplace leads → referrals, through the repository's one write path. A lead whose
// dedupe key (email + offer) matches an open referral of the organization joins its activity
// (`mergeMarketplaceAction`); otherwise it becomes a new referral. An archived match is read-only
// (terminal states never change), so a later lead from that customer opens a new referral.

export type IngestOutcome = { outcome: 'created' | 'merged'; referralId: string };

export const INTAKE_ORIGIN = {
  channel: 'intake',
  actor: { userId: null, displayName: 'Marketplace' },
} as const;

/** The ids a normalizer needs for a new lead. */
export const newLeadContext = (now: string) => {
  const id = randomUUID();
  return { id, engagementId: id, now };
};

interface OpenRow {
  data: unknown;
  version: number;
  field_versions: Record<string, number>;
  team_emails: string[];
  stage: string;
  dedupe_key: string;
}

async function openMatches(
  tx: Queryable,
  orgId: string,
  keys: readonly string[],
): Promise<Map<string, StoredReferral>> {
  const found = new Map<string, StoredReferral>();
  if (keys.length === 0) return found;
  const rows = await tx.query<OpenRow>(
    `SELECT data, version, field_versions, team_emails, stage, dedupe_key FROM referrals
      WHERE org_id = $1 AND dedupe_key = ANY($2::text[]) AND stage <> 'archived' AND NOT deleted
      ORDER BY created_at, id FOR UPDATE`,
    [orgId, [...new Set(keys)]],
  );
  for (const row of rows) {
    if (found.has(row.dedupe_key)) continue;
    const parsed = parseReferral(row.data);
    if (!parsed.success) continue;
    found.set(row.dedupe_key, {
      referral: parsed.data,
      version: row.version,
      fieldVersions: row.field_versions,
      teamEmails: row.team_emails,
      stage: row.stage,
    });
  }
  return found;
}

/**
 * Writes leads inside an open write transaction: one lookup for every dedupe key, merges applied
 * in memory (several leads of one customer in one batch end in one referral), one batched save.
 */
export async function ingestLeads(
  writer: ReferralWriter,
  leads: readonly NormalizedLead[],
  action = 'intake',
): Promise<IngestOutcome[]> {
  const matches = await openMatches(
    writer.tx,
    writer.orgId,
    leads.map((l) => l.dedupeKey),
  );
  const pending = new Map<string, SaveInput>();
  const outcomes: IngestOutcome[] = [];
  for (const lead of leads) {
    const match = matches.get(lead.dedupeKey);
    if (match) {
      const base = pending.get(match.referral.id)?.after ?? match.referral;
      const merged: Referral = mergeMarketplaceAction(base, lead, writer.now);
      pending.set(match.referral.id, {
        before: pending.get(match.referral.id)?.before ?? match,
        after: merged,
        action: `${action}-merge`,
      });
      outcomes.push({ outcome: 'merged', referralId: match.referral.id });
      continue;
    }
    const created: SaveInput = { before: null, after: lead.referral, action, keepUpdatedDateTime: false };
    pending.set(lead.referral.id, created);
    // Later leads of the same customer in this batch merge into this new referral.
    matches.set(lead.dedupeKey, {
      referral: lead.referral,
      version: writer.version,
      fieldVersions: {},
      teamEmails: [],
      stage: 'received',
    });
    outcomes.push({ outcome: 'created', referralId: lead.referral.id });
  }
  await writer.saveMany([...pending.values()]);
  return outcomes;
}

/** One lead from the HTTPS endpoint, in its own write transaction. */
export async function ingestLead(
  deps: WriteDeps,
  orgId: string,
  lead: NormalizedLead,
): Promise<IngestOutcome> {
  const [outcome] = await writeReferrals(deps, orgId, INTAKE_ORIGIN, (writer) => ingestLeads(writer, [lead]));
  if (!outcome) throw new Error('ingestLeads returned no outcome');
  return outcome;
}

export interface DeadLetterInput {
  orgId: string;
  intakeKeyId: string | null;
  channel: 'https' | 'azure-table';
  reason: string;
  contentType: string;
  bytes: Buffer;
  text: string | null;
  receivedAt: string;
}

export async function recordDeadLetter(db: Queryable, input: DeadLetterInput): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO intake_dead_letters (org_id, intake_key_id, channel, reason, content_type, body_base64, body_text, size_bytes, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      input.orgId,
      input.intakeKeyId,
      input.channel,
      input.reason,
      input.contentType.slice(0, 200),
      input.bytes.toString('base64'),
      input.text,
      input.bytes.length,
      input.receivedAt,
    ],
  );
  return rows[0]?.id ?? 0;
}
