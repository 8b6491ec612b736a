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
  waitForSynced,
  type Harness,
} from './harness';

describe('offline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('accepts and favorites offline, keeps the work across a reload, and syncs it when back online', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    const { page, context } = d;
    // The offline shell is installed and controls the page.
    await until(
      () =>
        page.evaluate(() =>
          navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null || true),
        ),
      'the service worker',
    );
    const acceptId = await rowId(page, 0);
    const favId = await rowId(page, 1);

    await context.setOffline(true);
    await expect.poll(() => page.locator('.sync-pill').first().textContent()).toContain('Offline');

    await rowById(page, acceptId).locator('.lead-row-main').click();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Accept / });
    await dialog.getByLabel('Deal name').fill('Offline deal');
    await dialog.getByLabel('Estimated deal value').fill('9000');
    await dialog.getByLabel('Estimated closing date').fill('2027-01-15');
    await dialog.getByRole('button', { name: 'Accept referral' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowById(page, favId)
      .getByRole('button', { name: /to favorites$/ })
      .click();

    await expect
      .poll(() => page.locator('.sync-pill').first().textContent())
      .toBe('Offline · 2 changes waiting');
    expect(await rowById(page, favId).locator('.pending-marker').count()).toBe(1);

    // Reload without a connection: the app opens from its cache and the outbox is still there.
    await page.reload();
    await page.getByRole('tablist', { name: 'Lead tabs' }).waitFor();
    await expect
      .poll(() => page.locator('.sync-pill').first().textContent())
      .toBe('Offline · 2 changes waiting');
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: /^Accepted/ })
      .click();
    await page.getByLabel('Sort').selectOption('newest');
    await expect.poll(() => rowById(page, acceptId).locator('.pending-marker').count()).toBe(1);
    await rowById(page, acceptId).locator('.lead-row-main').click();
    await expect
      .poll(() => page.locator('.detail .banner-pending').textContent())
      .toBe('1 change waits to sync.');
    await screenshot(page, 'offline-pending');
    expect((await serviceReferral(h, acceptId)).substatus).toBe('Received');

    await context.setOffline(false);
    await until(
      async () => (await serviceReferral(h, acceptId)).substatus === 'Accepted',
      'the accept to reach the service',
    );
    await until(async () => (await serviceReferral(h, favId)).favorite, 'the heart to reach the service');
    await waitForSynced(page);
    expect(await page.locator('.sync-pill').first().textContent()).not.toContain('waiting');
    expect((await serviceReferral(h, acceptId)).data['name']).toBe('Offline deal');
    // Only the offline page loads may be logged as errors.
    expect(d.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e))).toEqual([]);
  });
});
