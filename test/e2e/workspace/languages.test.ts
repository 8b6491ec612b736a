import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDevice, screenshot, signIn, startHarness, until, type Harness } from './harness';

describe('languages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('switches to French and to Swedish, with their dates, numbers and currencies', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    const { page } = d;
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: /^Accepted/ })
      .click();
    await page.locator('.lead-row-main').first().click();

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('tab', { name: /^Prospects de la place de marché/ }).waitFor();
    expect(await page.getByRole('tab', { name: /^Covente/ }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: /^Prospects qualifiés/ }).count()).toBe(1);
    expect(
      await page
        .getByRole('group', { name: 'Étape' })
        .getByRole('button', { name: /^Acceptées/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // Amounts and dates in French form: "12 500 €", "15 janv. 2027".
    const deal = (await page.locator('.lead-row-deal').first().textContent()) ?? '';
    expect(deal).toMatch(/\d[\u202f\u00a0 ]?\d{3}|\d/);
    expect(deal).toMatch(/(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.)/);
    expect(await page.getByRole('button', { name: 'Marquer conclue' }).count()).toBe(1);
    await screenshot(page, 'french');

    await page.getByRole('button', { name: 'Marquer perdue' }).click();
    const dialog = page.getByRole('dialog', { name: /comme perdue$/ });
    await dialog.getByRole('button', { name: 'Continuer' }).click();
    expect(await page.locator('#markLost-reason-error').textContent()).toBe('Choisissez un motif.');
    expect(
      await dialog.getByRole('option', { name: 'Le client a choisi un autre fournisseur' }).count(),
    ).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByLabel('Langue').selectOption('sv');
    await page.getByRole('tab', { name: /^Samförsäljning/ }).waitFor();
    expect(await page.getByRole('tab', { name: /^Kvalificerade leads/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Markera som vunnen' }).count()).toBe(1);
    const sv = (await page.locator('.lead-row-deal').first().textContent()) ?? '';
    expect(sv).toMatch(/(jan\.|feb\.|mars|apr\.|maj|juni|juli|aug\.|sep\.|okt\.|nov\.|dec\.)/);
    await screenshot(page, 'swedish');

    // The choice is kept: a reload comes back in Swedish.
    await page.reload();
    await until(
      async () => (await page.getByRole('tab', { name: /^Samförsäljning/ }).count()) === 1,
      'Swedish after a reload',
    );
    expect(d.errors).toEqual([]);
  });
});
