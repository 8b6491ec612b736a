import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newDevice,
  rowById,
  rowId,
  screenshot,
  serviceReferral,
  signIn,
  startHarness,
  until,
  type Harness,
} from './harness';

describe('a conflict between two devices', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('ends as a sync issue the user can read, retry, copy or dismiss', async () => {
    const a = await newDevice(h);
    const b = await newDevice(h);
    await signIn(h, a);
    await signIn(h, b);
    const id = await rowId(a.page, 2);

    // Device A declines while offline.
    await a.context.setOffline(true);
    await rowById(a.page, id).locator('.lead-row-main').click();
    await a.page.keyboard.press('d');
    const dialog = a.page.getByRole('dialog', { name: /^Decline / });
    await dialog.getByLabel('Reason').selectOption({ label: 'Customer chose another vendor' });
    await dialog.getByLabel('Notes').fill('They went with a competitor.');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('button', { name: 'Decline referral' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Meanwhile device B accepts the same referral.
    await rowById(b.page, id).locator('.lead-row-main').click();
    await b.page.keyboard.press('a');
    const accept = b.page.getByRole('dialog', { name: /^Accept / });
    await accept.getByLabel('Estimated deal value').fill('5000');
    await accept.getByLabel('Estimated closing date').fill('2027-02-01');
    await accept.getByRole('button', { name: 'Accept referral' }).click();
    await until(async () => (await serviceReferral(h, id)).substatus === 'Accepted', 'B to accept');

    // A comes back: the service refuses the decline, and A is told why, in plain words.
    await a.context.setOffline(false);
    const pill = a.page.getByRole('button', { name: '1 sync issue' });
    await pill.waitFor({ timeout: 30_000 });
    await pill.click();
    const card = a.page.locator('.issue-card');
    expect(await card.locator('h3').textContent()).toMatch(/^Decline · /);
    expect(await card.locator('.issue-reason').textContent()).toBe(
      'Someone accepted this referral before your change reached the service, so it can no longer be declined.',
    );
    expect(await card.getByText('Customer chose another vendor').count()).toBe(1);
    expect(await card.getByText('They went with a competitor.').count()).toBe(1);
    expect(await card.locator('.fact', { hasText: 'Stage' }).locator('dd').textContent()).toBe('Accepted');
    await screenshot(a.page, 'sync-issue');
    // The referral itself shows the service's state: accepted by B.
    expect((await serviceReferral(h, id)).substatus).toBe('Accepted');

    await card.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => a.page.locator('.issue-card').count()).toBe(0);
    expect(await a.page.getByRole('button', { name: /sync issue/ }).count()).toBe(0);
    expect(b.errors).toEqual([]);
  });
});
