import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normalizeTableRow, type NormalizedLead } from '../../src-shared/index';
import { authenticate, requireAdmin } from '../auth/authenticate';
import { createIntakeKey, revokeIntakeKey } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import { notFound, parseInput } from '../http/errors';
import { writeReferrals } from '../referrals/referral-repo';
import { ingestLeads, INTAKE_ORIGIN, newLeadContext, recordDeadLetter } from './lead-ingest';
import { storableJson } from './raw-body';

// Administration around intake: intake keys (several active, rotatable), the dead-letter list,
// and the import of Azure Table lead rows through the same normalizer and merge path.

const MAX_TABLE_ROWS = 20_000;

const DeadLetterQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});
const KeyBodySchema = z.object({ label: z.string().trim().max(200).default('') }).default({ label: '' });
const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });
const TableRowsSchema = z.array(z.unknown()).max(MAX_TABLE_ROWS);

interface DeadLetterRow {
  id: number;
  reason: string;
  channel: string;
  content_type: string;
  body_base64: string;
  body_text: string | null;
  size_bytes: number;
  received_at: Date | string;
}

/** JSON text of a row for the dead-letter table (escapes NULs and lone surrogates); never throws. */
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '"(a row too deeply nested to serialize)"';
  }
}

type TableOutcome = {
  row: number;
  outcome: 'created' | 'merged' | 'dead-letter';
  referralId?: string;
  reason?: string;
};

export function registerIntakeAdminRoutes(
  server: FastifyInstance,
  ctx: ServiceContext,
  intakeUrlOf: (key: string) => string,
): void {
  server.get('/v1/intake/dead-letters', async (request) => {
    const principal = await authenticate(ctx, request);
    requireAdmin(principal);
    const query = parseInput(DeadLetterQuerySchema, request.query, 'query');
    const rows = await ctx.db.query<DeadLetterRow>(
      `SELECT id, reason, channel, content_type, body_base64, body_text, size_bytes, received_at FROM intake_dead_letters
        WHERE org_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [principal.orgId, query.before ?? null, query.limit],
    );
    return {
      value: rows.map((r) => ({
        id: r.id,
        receivedAt: new Date(r.received_at).toISOString(),
        channel: r.channel,
        reason: r.reason,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        bodyText: r.body_text,
        bodyBase64: r.body_base64,
      })),
      ...(rows.length === query.limit ? { nextBefore: rows[rows.length - 1]?.id } : {}),
    };
  });

  server.get('/v1/intake/keys', async (request) => {
    const principal = await authenticate(ctx, request);
    requireAdmin(principal);
    const rows = await ctx.db.query<{
      id: string;
      label: string;
      created_at: Date | string;
      revoked_at: Date | string | null;
    }>(
      'SELECT id, label, created_at, revoked_at FROM intake_keys WHERE org_id = $1 ORDER BY created_at, id',
      [principal.orgId],
    );
    return {
      value: rows.map((r) => ({
        id: r.id,
        label: r.label,
        createdAt: new Date(r.created_at).toISOString(),
        active: r.revoked_at === null,
      })),
    };
  });

  server.post('/v1/intake/keys', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    requireAdmin(principal);
    const body = parseInput(KeyBodySchema, request.body ?? undefined);
    const created = await createIntakeKey(ctx.db, principal.orgId, body.label);
    // The key is shown once; only its hash is stored.
    return reply
      .code(201)
      .send({ id: created.id, label: body.label, key: created.key, intakeUrl: intakeUrlOf(created.key) });
  });

  server.delete('/v1/intake/keys/:id', async (request, reply) => {
    const principal = await authenticate(ctx, request);
    requireAdmin(principal);
    const { id } = parseInput(IdParamsSchema, request.params, 'path');
    if (!(await revokeIntakeKey(ctx.db, principal.orgId, id))) throw notFound('intake key');
    return reply.code(204).send();
  });

  server.post('/v1/import/azure-table', { bodyLimit: 64 * 1024 * 1024 }, async (request) => {
    const principal = await authenticate(ctx, request);
    requireAdmin(principal);
    const rows = parseInput(TableRowsSchema, request.body);
    const now = ctx.now().toISOString();
    const leads: { index: number; lead: NormalizedLead }[] = [];
    const report: TableOutcome[] = [];
    const dead: { index: number; reason: string; raw: unknown }[] = [];
    rows.forEach((raw, index) => {
      let clean: unknown;
      try {
        clean = storableJson(raw);
      } catch {
        dead.push({ index, reason: 'too_deep', raw });
        return;
      }
      const lead = normalizeTableRow(clean, newLeadContext(now));
      if (lead.ok) leads.push({ index, lead });
      else dead.push({ index, reason: lead.reason, raw: clean });
    });
    const origin = {
      ...INTAKE_ORIGIN,
      channel: 'azure-table',
      actor: { userId: principal.userId, displayName: principal.displayName },
    };
    await writeReferrals(ctx, principal.orgId, origin, async (writer) => {
      const outcomes = await ingestLeads(
        writer,
        leads.map((l) => l.lead),
        'azure-table-import',
      );
      leads.forEach((l, i) => {
        const o = outcomes[i];
        if (o) report[l.index] = { row: l.index + 1, outcome: o.outcome, referralId: o.referralId };
      });
      for (const d of dead) {
        const bytes = Buffer.from(safeJson(d.raw), 'utf8');
        await recordDeadLetter(writer.tx, {
          orgId: principal.orgId,
          intakeKeyId: null,
          channel: 'azure-table',
          reason: d.reason,
          contentType: 'application/json',
          bytes,
          text: bytes.toString('utf8'),
          receivedAt: now,
        });
        report[d.index] = { row: d.index + 1, outcome: 'dead-letter', reason: d.reason };
      }
    });
    const totals = { rows: rows.length, created: 0, merged: 0, deadLetters: 0 };
    for (const r of report) {
      if (r.outcome === 'created') totals.created += 1;
      else if (r.outcome === 'merged') totals.merged += 1;
      else totals.deadLetters += 1;
    }
    return { rows: report, totals };
  });
}
