import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { parseReferral, stageOf } from '../../src-shared/index';
import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';
import type { Queryable } from '../db/driver';
import { HttpError, type FieldDetail } from '../http/errors';
import { writeReferrals, type SaveInput, type StoredReferral } from '../referrals/referral-repo';
import { HEADERS, REQUIRED_HEADERS, type Header } from '../../src-shared/partner-center-csv';
import { rowToReferral, type CsvRecord } from './csv-row';

// POST /v1/import/csv. A structural problem (unparseable CSV, a required column missing) refuses
// the whole file before anything is written. Row-level field errors are reported per row and the
// valid rows are still imported, all in ONE write transaction (one version, one commit: a failure
// half-way writes nothing). Rows are handled in chunks so 100,000 rows never sit in memory as
// referrals at once. A row "matches" when its Referral ID is an existing referral of the org.
//
// Conflict rules on a match: skip; keep-both (imported under a new id); replace (the row's fields
// laid over the referral). Replace never moves the lifecycle: an archived referral is read-only
// and a different status/substatus is a row error (status changes go through PATCH or the app).

export const CONFLICT_RULES = ['skip', 'replace', 'keep-both'] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

export type RowOutcome = 'created' | 'replaced' | 'skipped' | 'kept-both' | 'error';
export interface RowReport {
  row: number;
  outcome: RowOutcome;
  referralId?: string;
  errors?: FieldDetail[];
}

const CHUNK = 2000;

const structural = (code: string, message: string, details: FieldDetail[]): HttpError =>
  new HttpError(400, code, message, { details });

/** Parses the whole file and maps its header; throws the 400 for any structural problem. */
export function readCsv(text: string): CsvRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unparseable CSV';
    const line = (error as { lines?: unknown }).lines;
    throw structural('invalid_csv', `The CSV cannot be read: ${message}`, [
      { field: typeof line === 'number' ? `line ${line}` : '(file)', message },
    ]);
  }
  const [header, ...data] = rows;
  if (!header)
    throw structural('invalid_csv', 'The CSV is empty: it needs a header row.', [
      { field: '(header)', message: 'missing' },
    ]);
  const known = new Map(HEADERS.map((h) => [h.toLowerCase(), h]));
  const index = new Map<Header, number>();
  header.forEach((name, i) => {
    const h = known.get(name.trim().toLowerCase());
    if (!h) return;
    if (index.has(h))
      throw structural('invalid_csv', `The column "${h}" appears twice.`, [
        { field: h, message: 'duplicate column' },
      ]);
    index.set(h, i);
  });
  const missing = REQUIRED_HEADERS.filter((h) => !index.has(h));
  if (missing.length > 0) {
    throw structural(
      'missing_columns',
      `Required columns are missing: ${missing.join(', ')}.`,
      missing.map((h) => ({ field: h, message: 'required column is missing' })),
    );
  }
  return data.map((cells) => {
    const record: CsvRecord = {};
    for (const [h, i] of index) record[h] = cells[i] ?? '';
    return record;
  });
}

async function loadExisting(
  tx: Queryable,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, StoredReferral>> {
  const found = new Map<string, StoredReferral>();
  if (ids.length === 0) return found;
  const rows = await tx.query<{
    id: string;
    data: unknown;
    version: number;
    field_versions: Record<string, number>;
    team_emails: string[];
    stage: string;
  }>(
    'SELECT id, data, version, field_versions, team_emails, stage FROM referrals WHERE org_id = $1 AND id = ANY($2::text[]) AND NOT deleted',
    [orgId, ids],
  );
  for (const row of rows) {
    const parsed = parseReferral(row.data);
    if (parsed.success)
      found.set(row.id, {
        referral: parsed.data,
        version: row.version,
        fieldVersions: row.field_versions,
        teamEmails: row.team_emails,
        stage: row.stage,
      });
  }
  return found;
}

function replaceError(existing: StoredReferral, status: string, substatus: string): FieldDetail | null {
  const r = existing.referral;
  if (stageOf(r) === 'archived') {
    return {
      field: 'Referral ID',
      message: 'the referral is archived (Closed) and read-only; import a copy with conflict=keep-both',
    };
  }
  if (
    r.status.toLowerCase() !== status.toLowerCase() ||
    r.substatus.toLowerCase() !== substatus.toLowerCase()
  ) {
    return {
      field: 'Substatus',
      message: `is ${r.status}/${r.substatus} in the service: status changes go through PATCH or the app, not a CSV replace`,
    };
  }
  return null;
}

export async function importCsv(
  ctx: ServiceContext,
  principal: Principal,
  text: string,
  conflict: ConflictRule,
) {
  const records = readCsv(text);
  const reports: RowReport[] = [];
  const firstRowOfId = new Map<string, number>();
  const origin = { channel: 'csv', actor: { userId: principal.userId, displayName: principal.displayName } };
  await writeReferrals(
    ctx,
    principal.orgId,
    origin,
    async (writer) => {
      for (let start = 0; start < records.length; start += CHUNK) {
        const chunk = records.slice(start, start + CHUNK);
        const ids = chunk.map((r) => r['Referral ID']?.trim() ?? '').filter((id) => id !== '');
        const existing = await loadExisting(writer.tx, writer.orgId, ids);
        const saves: SaveInput[] = [];
        chunk.forEach((record, offset) => {
          const row = start + offset + 1;
          const givenId = record['Referral ID']?.trim() ?? '';
          const seenAt = givenId === '' ? undefined : firstRowOfId.get(givenId);
          if (seenAt !== undefined) {
            reports.push({
              row,
              outcome: 'error',
              errors: [{ field: 'Referral ID', message: `appears again (first on row ${seenAt})` }],
            });
            return;
          }
          if (givenId !== '') firstRowOfId.set(givenId, row);
          const match = givenId === '' ? undefined : existing.get(givenId);
          if (match && conflict === 'skip') {
            reports.push({ row, outcome: 'skipped', referralId: givenId });
            return;
          }
          const replacing = match && conflict === 'replace' ? match : null;
          const id = givenId === '' || (match && conflict === 'keep-both') ? randomUUID() : givenId;
          const built = rowToReferral(record, id, replacing?.referral ?? null, writer.now);
          if (!built.ok) {
            reports.push({ row, outcome: 'error', errors: built.errors });
            return;
          }
          const refused = replacing
            ? replaceError(replacing, built.referral.status, built.referral.substatus)
            : null;
          if (refused) {
            reports.push({ row, outcome: 'error', referralId: id, errors: [refused] });
            return;
          }
          saves.push({
            before: replacing,
            after: built.referral,
            action: replacing ? 'csv-replace' : 'csv-import',
          });
          reports.push({
            row,
            outcome: replacing ? 'replaced' : match ? 'kept-both' : 'created',
            referralId: id,
          });
        });
        await writer.saveMany(saves);
      }
    },
    { rollbackIfUnchanged: true },
  );
  const totals: Record<RowOutcome, number> & { rows: number } = {
    rows: reports.length,
    created: 0,
    replaced: 0,
    skipped: 0,
    'kept-both': 0,
    error: 0,
  };
  for (const r of reports) totals[r.outcome] += 1;
  return { rows: reports, totals };
}
