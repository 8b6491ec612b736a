import { z } from 'zod';
import { parseCsv } from './csv';

// What the user picked, read locally for the preview before anything is sent.

export type ImportKind = 'csv' | 'table';

export interface ImportPreview {
  kind: ImportKind;
  header: string[];
  rows: string[][];
  total: number;
  /** The body to send. */
  body: string;
}

export type PreviewResult =
  { ok: true; preview: ImportPreview } | { ok: false; error: 'empty' | 'unreadable' | 'noHeader' };

const PREVIEW_ROWS = 8;
const TABLE_COLUMNS = ['PartitionKey', 'RowKey', 'Company', 'Email', 'LeadSource', 'CreatedTime'] as const;

function customerField(row: Record<string, unknown>, key: string): string {
  const info = row['CustomerInfo'];
  let parsed: unknown = info;
  if (typeof info === 'string') {
    try {
      parsed = JSON.parse(info);
    } catch {
      return '';
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return '';
  const hit = Object.entries(parsed).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return hit && typeof hit[1] === 'string' ? hit[1] : '';
}

/** Azure Table rows: an array, or the `{ value: [...] }` envelope of the Table REST API. */
const TableRowsSchema = z.union([
  z.array(z.record(z.string(), z.unknown())),
  z.object({ value: z.array(z.record(z.string(), z.unknown())) }),
]);

export function previewOf(name: string, text: string): PreviewResult {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const looksJson = /\.json$/i.test(name) || /^\s*[[{]/.test(text);
  if (looksJson) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: 'unreadable' };
    }
    const parsed = TableRowsSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: 'unreadable' };
    const rows = Array.isArray(parsed.data) ? parsed.data : parsed.data.value;
    const cell = (r: Record<string, unknown>, c: (typeof TABLE_COLUMNS)[number]) =>
      c === 'Company' || c === 'Email'
        ? customerField(r, c)
        : typeof r[c] === 'string'
          ? (r[c] as string)
          : '';
    return {
      ok: true,
      preview: {
        kind: 'table',
        header: [...TABLE_COLUMNS],
        rows: rows.slice(0, PREVIEW_ROWS).map((r) => TABLE_COLUMNS.map((c) => cell(r, c))),
        total: rows.length,
        body: JSON.stringify(rows),
      },
    };
  }
  const table = parseCsv(text);
  const header = table[0];
  if (!header || header.length < 2) return { ok: false, error: 'noHeader' };
  return {
    ok: true,
    preview: {
      kind: 'csv',
      header,
      rows: table.slice(1, PREVIEW_ROWS + 1),
      total: table.length - 1,
      body: text,
    },
  };
}

export const CONFLICT_RULES = ['skip', 'replace', 'keep-both'] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

/** The service's per-row report, read tolerantly (every field optional). */
const ReportRowSchema = z.looseObject({
  row: z.number().optional(),
  line: z.number().optional(),
  outcome: z.string().optional(),
  status: z.string().optional(),
  referralId: z.string().nullish(),
  id: z.string().nullish(),
  message: z.string().nullish(),
  reason: z.string().nullish(),
  errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).nullish(),
});
const ReportSchema = z.looseObject({
  rows: z.array(ReportRowSchema).optional(),
  results: z.array(ReportRowSchema).optional(),
});

export interface ReportRow {
  row: number;
  outcome: string;
  referralId: string;
  message: string;
}

export function readReport(json: unknown): ReportRow[] | null {
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) return null;
  const rows = parsed.data.rows ?? parsed.data.results ?? [];
  return rows.map((r, i) => ({
    row: r.row ?? r.line ?? i + 1,
    outcome: r.outcome ?? r.status ?? '',
    referralId: r.referralId ?? r.id ?? '',
    message:
      r.errors?.map((e) => [e.field, e.message].filter(Boolean).join(': ')).join('; ') ||
      r.message ||
      r.reason ||
      '',
  }));
}
