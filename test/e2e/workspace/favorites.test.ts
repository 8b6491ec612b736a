import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newDevice,
  rowById,
  rowId,
  serviceReferral,
  signIn,
  startHarness,
  tabCount,
  until,
  type Harness,
} from './harness';

describe('the heart', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('favorites at once, survives a reload, and a second device sees it', async () => {
    const a = await newDevice(h);
    await signIn(h, a);
    const page = a.page;
    const first = await rowId(page, 0);
    const second = await rowId(page, 1);
    expect(await tabCount(page, 'Favorites')).toBe(0);

    // One click on the heart.
    const heart = rowById(page, first).getByRole('button', { name: /to favorites$/ });
    await heart.click();
    await until(
      async () =>
        (await rowById(page, first)
          .getByRole('button', { name: /from favorites$/ })
          .getAttribute('aria-pressed')) === 'true',
      'the heart to fill',
    );
    // `f` on the selected referral.
    await rowById(page, second).locator('.lead-row-main').click();
    await page.keyboard.press('f');
    await expect.poll(() => tabCount(page, 'Favorites')).toBe(2);

    await until(
      async () => (await serviceReferral(h, first)).favorite && (await serviceReferral(h, second)).favorite,
      'the service to have both',
    );
    await page.reload();
    await page.getByRole('tab', { name: /^Favorites/ }).click();
    await expect.poll(async () => await page.locator('.lead-row').count()).toBe(2);
    expect(
      await rowById(page, first)
        .getByRole('button', { name: /from favorites$/ })
        .count(),
    ).toBe(1);

    // A second device (its own browser storage) signs in and sees both hearts.
    const b = await newDevice(h);
    await signIn(h, b);
    await expect.poll(() => tabCount(b.page, 'Favorites')).toBe(2);
    await b.page.getByRole('tab', { name: /^Favorites/ }).click();
    await expect.poll(() => b.page.locator('.lead-row').count()).toBe(2);

    // Unfavorite on the second device: the first follows through the service's poke.
    await rowById(b.page, first)
      .getByRole('button', { name: /from favorites$/ })
      .click();
    await expect.poll(() => b.page.locator('.lead-row').count()).toBe(1);
    await expect.poll(() => tabCount(page, 'Favorites'), { timeout: 20_000 }).toBe(1);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
