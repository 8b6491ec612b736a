import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newDevice,
  rowById,
  rowId,
  screenshot,
  serviceReferral,
  signIn,
  startHarness,
  waitForSynced,
  until,
  type Device,
  type Harness,
} from './harness';

describe('accept, decline, mark won and lost', () => {
  let h: Harness;
  let d: Device;
  beforeAll(async () => {
    h = await startHarness();
    d = await newDevice(h);
    await signIn(h, d);
  });
  afterAll(async () => h?.close());

  it('accept with missing fields shows the errors next to them, then succeeds', async () => {
    const { page } = d;
    const id = await rowId(page, 0);
    await rowById(page, id).locator('.lead-row-main').click();
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: /^Accept / });
    await dialog.waitFor();
    await dialog.getByLabel('Deal name').fill('');
    await dialog.getByRole('button', { name: 'Accept referral' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('3 fields need your attention.');
    for (const label of ['Deal name', 'Estimated deal value', 'Estimated closing date']) {
      const field = dialog.getByLabel(label);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await field.getAttribute('aria-describedby'))?.split(' ')[0];
      expect(await page.locator(`#${errorId}`).textContent()).toBe('Required.');
    }
    // Focus went to the first field in error.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('accept-name');
    await dialog.getByLabel('Estimated deal value').fill('12 five');
    await dialog.getByLabel('Deal name').fill('Contoso analytics rollout');
    await dialog.getByRole('button', { name: 'Add a person' }).click();
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Accept referral' }).click();
    expect(await page.locator('#accept-dealValue-error').textContent()).toBe('Enter a number, like 12500.');
    expect(await page.locator('#accept-team-0-email-error').textContent()).toBe(
      'Enter an email address, like name@example.com.',
    );
    await screenshot(page, 'accept-errors');

    // What was typed survives a reload mid-dialog.
    await page.reload();
    const again = page.getByRole('dialog', { name: /^Accept / });
    await again.waitFor();
    expect(await again.getByLabel('Deal name').inputValue()).toBe('Contoso analytics rollout');
    expect(await again.getByLabel('Email').inputValue()).toBe('not-an-email');

    await again.getByLabel('Estimated deal value').fill('12500');
    await again.getByLabel('Currency').selectOption('EUR');
    await again.getByLabel('Estimated closing date').fill('2027-03-31');
    await again.getByLabel('First name').fill('Sam');
    await again.getByLabel('Email').fill('sam.seller@contoso.example');
    await again.getByLabel('CRM ID').fill('CRM-42');
    await again.getByRole('button', { name: 'Accept referral' }).click();
    await again.waitFor({ state: 'detached' });
    // The referral leaves Received (the outbox row and the overlay, before any answer).
    await until(async () => (await rowById(page, id).count()) === 0, 'the row to leave Received');
    await until(async () => (await serviceReferral(h, id)).substatus === 'Accepted', 'the service to accept');
    await waitForSynced(page);
    const copy = await serviceReferral(h, id);
    expect(copy.data['name']).toBe('Contoso analytics rollout');
    expect((copy.data['details'] as Record<string, unknown>)['closingDateTime']).toBe('2027-03-31');
    expect((copy.data['details'] as Record<string, unknown>)['dealValue']).toBe(12500);
    expect(copy.data['externalReferenceId']).toBe('CRM-42');
    // The detail pane follows: Accepted, with the deal fields and the new team member.
    await expect.poll(() => page.locator('.detail .chip-stage').textContent()).toBe('Accepted');
    expect(await page.locator('.detail').getByText('sam.seller@contoso.example').count()).toBeGreaterThan(0);
    expect(await page.locator('.detail').getByText('Mar 31, 2027').count()).toBe(1);
    await screenshot(page, 'detail-accepted');
  });

  it('decline asks for a reason, confirms, and archives', async () => {
    const { page } = d;
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: /^Received/ })
      .click();
    const id = await rowId(page, 1);
    await rowById(page, id).locator('.lead-row-main').click();
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: /^Decline / });
    await dialog.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('#decline-reason-error').textContent()).toBe('Choose a reason.');
    await dialog.getByLabel('Reason').selectOption({ label: 'Timeline too short' });
    await dialog.getByLabel('Notes').fill('Needs it next week.');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    expect(await dialog.getByText(/is final/).count()).toBe(1);
    await screenshot(page, 'decline-confirm');
    await dialog.getByRole('button', { name: 'Decline referral' }).click();
    await dialog.waitFor({ state: 'detached' });
    await until(
      async () => (await serviceReferral(h, id)).substatus === 'Declined',
      'the service to decline',
    );
    const copy = await serviceReferral(h, id);
    expect([copy.status, copy.substatus]).toEqual(['Closed', 'Declined']);
    expect(copy.data['reasonCode']).toBe(6);
    await until(
      async () => (await page.locator('.detail .chip-stage').textContent()) === 'Declined',
      'the detail to show Declined',
    );
    expect(await page.getByText('Archived referrals are read-only.').count()).toBe(1);
  });

  it('mark won warns when younger than 72 hours; mark lost needs a reason', async () => {
    const { page } = d;
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: /^Accepted/ })
      .click();
    await page.getByLabel('Sort').selectOption('newest');
    const wonId = await rowId(page, 0);
    const lostId = await rowId(page, 1);
    await rowById(page, wonId).locator('.lead-row-main').click();
    await page.getByRole('button', { name: 'Mark won' }).click();
    const won = page.getByRole('dialog', { name: /as won$/ });
    const created = Date.parse(String((await serviceReferral(h, wonId)).data['createdDateTime']));
    expect(await won.getByText(/less than 72 hours old/).count()).toBe(
      Date.now() - created < 72 * 3_600_000 ? 1 : 0,
    );
    await screenshot(page, 'mark-won');
    await won.getByRole('button', { name: 'Mark won' }).click();
    await won.waitFor({ state: 'detached' });
    await until(async () => (await rowById(page, wonId).count()) === 0, 'the won deal to leave Accepted');

    await rowById(page, lostId).locator('.lead-row-main').click();
    await page.getByRole('button', { name: 'Mark lost' }).click();
    const lost = page.getByRole('dialog', { name: /as lost$/ });
    await lost.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('#markLost-reason-error').textContent()).toBe('Choose a reason.');
    await lost.getByLabel('Reason').selectOption('3');
    await lost.getByRole('button', { name: 'Continue' }).click();
    await lost.getByRole('button', { name: 'Mark lost' }).click();
    await lost.waitFor({ state: 'detached' });
    await until(
      async () => (await serviceReferral(h, lostId)).substatus === 'Lost',
      'the service to mark lost',
    );
    expect((await serviceReferral(h, wonId)).substatus).toBe('Won');
    const lostCopy = await serviceReferral(h, lostId);
    expect(lostCopy.substatus).toBe('Lost');
    expect(lostCopy.data['reasonCode']).toBe(3);
    expect(d.errors).toEqual([]);
  });
});
