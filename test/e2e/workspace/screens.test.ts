import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDevice, screenshot, signIn, startHarness, until, type Harness } from './harness';

describe('keyboard, pipeline, themes and zoom', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('moves with j/k, searches with /, lists the shortcuts with ?', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    const { page } = d;
    const current = () =>
      page.locator('.lead-row-main[aria-current="true"]').locator('..').getAttribute('data-referral-id');
    // The list renders its first page just after the first sync's progress bar goes.
    await page.locator('.lead-row').first().waitFor();
    const ids = await page
      .locator('.lead-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-referral-id')));
    await page.keyboard.press('j');
    await until(async () => (await current()) === ids[0], 'j to select the first row');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await until(async () => (await current()) === ids[2], 'j j to move down two');
    await page.keyboard.press('k');
    await until(async () => (await current()) === ids[1], 'k to move up');
    // The detail pane follows the selection once its live query has read the referral.
    const selectedCustomer = await page
      .locator(`.lead-row[data-referral-id="${ids[1]}"] .lead-row-customer`)
      .textContent();
    await expect.poll(() => page.locator('.detail h2').textContent()).toBe(selectedCustomer);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.locator('kbd').allTextContents()).toEqual(['j', 'k', '/', 'a', 'd', 'f', '?']);
    await screenshot(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('/');
    await until(
      () => page.evaluate(() => document.activeElement?.id === 'lead-search'),
      '/ to focus the search',
    );
    // Typing in the search box does not trigger shortcuts.
    await page.keyboard.type('jfk');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(d.errors).toEqual([]);
  });

  it('shows the pipeline, and each chart leads into the filtered list', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    const { page } = d;
    await page.getByRole('button', { name: 'Pipeline' }).click();
    await page.getByRole('heading', { name: 'Win rate' }).waitFor();
    await until(async () => (await page.locator('.recharts-surface').count()) >= 4, 'four charts');
    await screenshot(page, 'pipeline');
    await page.getByRole('button', { name: 'Show Won' }).first().click();
    await page.getByRole('group', { name: 'Stage' }).waitFor();
    expect(
      await page
        .getByRole('group', { name: 'Stage' })
        .getByRole('button', { name: /^Archived/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.getByLabel('Outcome').inputValue()).toBe('won');
    await until(async () => (await page.locator('.lead-row').count()) > 0, 'won referrals');
    const labels = await page.locator('.lead-row-status .muted').allTextContents();
    expect(labels.every((l) => l.startsWith('Won'))).toBe(true);
    expect(d.errors).toEqual([]);
  });

  it('is readable in the dark theme at 200% zoom', async () => {
    const d = await newDevice(h, { colorScheme: 'dark', zoom: 2 });
    await signIn(h, d);
    const { page } = d;
    await screenshot(page, 'dark-zoom-200-list');
    // Nothing overflows the window sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.locator('.lead-row-main').first().click();
    // Narrow: the detail replaces the list, with a way back.
    await page.getByRole('button', { name: '← Back to the list' }).waitFor();
    await screenshot(page, 'dark-zoom-200-detail');
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('dialog', { name: /^Accept / }).waitFor();
    await screenshot(page, 'dark-zoom-200-accept');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '← Back to the list' }).click();
    await page.locator('.lead-list').waitFor();
    expect(d.errors).toEqual([]);
  });
});
