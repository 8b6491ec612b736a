import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../../src-renderer/features/transfer/csv';
import { HEADERS as EXPORT_COLUMNS } from '../../../src-shared/partner-center-csv';
import {
  newDevice,
  screenshot,
  serviceReferral,
  signIn,
  startHarness,
  tabCount,
  until,
  type Device,
  type Harness,
} from './harness';

describe('import and export', () => {
  let h: Harness;
  let d: Device;
  let exported: string[][];
  beforeAll(async () => {
    h = await startHarness();
    d = await newDevice(h);
    await signIn(h, d);
  });
  afterAll(async () => h?.close());

  it('exports the current view to CSV', async () => {
    const { page } = d;
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: /^Received/ })
      .click();
    const shown = Number(
      (
        await page
          .getByRole('group', { name: 'Stage' })
          .getByRole('button', { name: /^Received/ })
          .locator('.count')
          .textContent()
      )?.replace(/\D/g, ''),
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^partner-desk-marketplace-received-\d{4}-\d{2}-\d{2}\.csv$/);
    exported = parseCsv(readFileSync((await file.path()) ?? '', 'utf8'));
    expect(exported[0]).toEqual([...EXPORT_COLUMNS]);
    expect(exported.length - 1).toBe(shown);
    // In the list's order (deadline), every row a received marketplace lead.
    const ids = await page
      .locator('.lead-row')
      .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-referral-id')));
    expect(exported.slice(1, 4).map((r) => r[1])).toEqual(ids);
    expect(exported.slice(1).every((r) => r[20] === 'Received')).toBe(true);
  });

  async function importRows(rule: 'Skip' | 'Replace' | 'Keep both', rows: string[][]): Promise<string> {
    const { page } = d;
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import referrals' });
    await dialog.getByLabel('File').setInputFiles({
      name: 'referrals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(toCsv(EXPORT_COLUMNS, rows)),
    });
    await dialog.getByText(`${rows.length} rows in referrals.csv`).waitFor();
    await dialog.getByLabel(new RegExp(`^${rule}`)).check();
    await dialog.getByRole('button', { name: `Import ${rows.length} rows` }).click();
    await dialog.getByRole('heading', { name: 'Import report' }).waitFor();
    const summary = (await dialog.locator('.import-report [role="status"]').textContent()) ?? '';
    await screenshot(page, `import-${rule.replace(' ', '-').toLowerCase()}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    return summary;
  }

  it('imports a CSV with each conflict rule and shows the per-row report', async () => {
    const rows = exported.slice(1, 3).map((r) => {
      const copy = [...r];
      copy[2] = `Imported ${r[1]?.slice(0, 4)}`;
      return copy;
    });
    const ids = rows.map((r) => r[1] ?? '');
    const before = await tabCount(d.page, 'Marketplace leads');

    expect(await importRows('Skip', rows)).toBe('2 skipped');
    expect((await serviceReferral(h, ids[0] ?? '')).data['name']).not.toMatch(/^Imported/);

    expect(await importRows('Replace', rows)).toBe('2 replaced');
    expect((await serviceReferral(h, ids[0] ?? '')).data['name']).toBe(rows[0]?.[2]);

    expect(await importRows('Keep both', rows)).toBe('2 kept both');
    // The new copies reach this device through sync and the tab count follows.
    await until(
      async () => (await tabCount(d.page, 'Marketplace leads')) === before + 2,
      'the kept copies to arrive',
    );
    expect(d.errors).toEqual([]);
  });
});
