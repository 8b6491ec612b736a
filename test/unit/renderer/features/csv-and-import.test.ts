import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from '../../../../src-renderer/features/transfer/csv';
import { previewOf, readReport } from '../../../../src-renderer/features/transfer/import-file';
import {
  HEADERS as EXPORT_COLUMNS,
  referralToRow as exportRow,
  toUsDate as pcDate,
} from '../../../../src-shared/partner-center-csv';
import { referral } from './fixtures';

describe('CSV', () => {
  it('round-trips quotes, commas, line breaks and accents', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines', 'Åsa Öberg', '']];
    expect(parseCsv(toCsv(['x', 'y', 'z', 'w', 'v'], rows))).toEqual([['x', 'y', 'z', 'w', 'v'], ...rows]);
  });

  it('reads a BOM and CRLF, skips blank lines', () => {
    expect(parseCsv('\ufeffa,b\r\n1,2\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps spreadsheets from running a cell as a formula, but leaves phone numbers alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('+1 555 0100')).toBe('+1 555 0100');
  });
});

describe('export rows', () => {
  it('follow the service columns, with UTC MM/DD/YYYY dates and calendar closing dates', () => {
    const r = referral({
      status: 'Active',
      substatus: 'Accepted',
      name: 'Deal',
      details: { dealValue: 1200, currency: 'EUR', closingDateTime: '2027-03-31' },
      team: [{ firstName: 'Sam', lastName: 'Seller', email: 'sam@x.example' }],
    });
    const row = exportRow(r);
    expect(row).toHaveLength(EXPORT_COLUMNS.length);
    const at = (c: (typeof EXPORT_COLUMNS)[number]) => row[EXPORT_COLUMNS.indexOf(c)];
    expect(at('Estimated close date')).toBe('03/31/2027');
    expect(at('Created date')).toBe('11/20/2026');
    expect(at('Sales stage')).toBe('Accepted');
    expect(at('Team members')).toBe('Sam Seller <sam@x.example>');
    expect(pcDate(null)).toBe('');
  });
});

describe('import preview', () => {
  it('previews a Partner Center CSV', () => {
    const result = previewOf('a.csv', 'Referral ID,Customer name\n1,Contoso\n2,Fabrikam\n');
    expect(result.ok && result.preview).toMatchObject({
      kind: 'csv',
      header: ['Referral ID', 'Customer name'],
      total: 2,
    });
  });

  it('previews Azure Table rows, bare or in the REST envelope, reading CustomerInfo', () => {
    const row = {
      PartitionKey: 'p',
      RowKey: 'r',
      LeadSource: 'AzureMarketplace-INS|x.y',
      CustomerInfo: JSON.stringify({ company: 'Contoso', Email: 'a@b.example' }),
    };
    for (const text of [JSON.stringify([row]), JSON.stringify({ value: [row] })]) {
      const result = previewOf('rows.json', text);
      if (!result.ok) throw new Error('expected a preview');
      expect(result.preview.kind).toBe('table');
      expect(result.preview.rows[0]).toEqual([
        'p',
        'r',
        'Contoso',
        'a@b.example',
        'AzureMarketplace-INS|x.y',
        '',
      ]);
      expect(JSON.parse(result.preview.body)).toEqual([row]);
    }
  });

  it('says why a file cannot be read', () => {
    expect(previewOf('a.csv', '  ')).toEqual({ ok: false, error: 'empty' });
    expect(previewOf('a.json', '{"nope":1}')).toEqual({ ok: false, error: 'unreadable' });
    expect(previewOf('a.csv', 'single-column\n1\n')).toEqual({ ok: false, error: 'noHeader' });
  });

  it('reads the per-row report of either import', () => {
    expect(
      readReport({
        rows: [
          { row: 1, outcome: 'error', errors: [{ field: 'Status', message: 'is unknown' }] },
          { row: 2, outcome: 'created', referralId: 'x' },
        ],
      }),
    ).toEqual([
      { row: 1, outcome: 'error', referralId: '', message: 'Status: is unknown' },
      { row: 2, outcome: 'created', referralId: 'x', message: '' },
    ]);
    expect(
      readReport({ rows: [{ row: 3, outcome: 'dead-letter', reason: 'no_customer' }] })?.[0]?.message,
    ).toBe('no_customer');
  });
});
