import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newDevice,
  screenshot,
  serviceCounts,
  signIn,
  startHarness,
  tabCount,
  waitForFirstSync,
  type Harness,
} from './harness';

describe('sign-in and the seeded referrals', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('refuses a wrong password with a readable message, then signs in', async () => {
    const d = await newDevice(h);
    await d.page.goto(`${h.service.url}/app/`);
    await screenshot(d.page, 'sign-in');
    expect(await d.page.getByLabel('Service address').inputValue()).toBe(h.service.url);
    await d.page.getByRole('button', { name: 'Sign in' }).click();
    expect(await d.page.locator('#signin-email-error').textContent()).toBe('Required.');
    expect(await d.page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await d.page.getByLabel('Email').fill(h.admin.email);
    await d.page.getByLabel('Password').fill('not the password');
    await d.page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => d.page.getByRole('alert').textContent()).toBe('The email or password is wrong.');
    await d.page.getByLabel('Password').fill(h.admin.password);
    await d.page.getByRole('button', { name: 'Sign in' }).click();
    await waitForFirstSync(d.page);
    expect(await d.page.getByText('Contoso Admin').count()).toBe(1);
    // The browser logs the refused sign-in request itself; nothing else may appear.
    expect(d.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await d.context.close();
  });

  it('shows the seeded referrals in the right tabs with the right counts', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    const expected = await serviceCounts(h);
    const total = (tab: string) =>
      ['received', 'accepted', 'archived'].reduce((n, s) => n + (expected.get(`${tab}:${s}`) ?? 0), 0);
    expect(total('marketplace') + total('qualified') + total('cosell')).toBe(500);
    await expect.poll(() => tabCount(d.page, 'Marketplace leads')).toBe(total('marketplace'));
    expect(await tabCount(d.page, 'Qualified leads')).toBe(total('qualified'));
    expect(await tabCount(d.page, 'Co-sell')).toBe(total('cosell'));
    for (const [tab, label] of [
      ['marketplace', 'Marketplace leads'],
      ['qualified', 'Qualified leads'],
      ['cosell', 'Co-sell'],
    ] as const) {
      await d.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
      for (const [stage, name] of [
        ['received', 'Received'],
        ['accepted', 'Accepted'],
        ['archived', 'Archived'],
      ] as const) {
        const button = d.page
          .getByRole('group', { name: 'Stage' })
          .getByRole('button', { name: new RegExp(`^${name}`) });
        await button.click();
        expect(Number((await button.locator('.count').textContent())?.replace(/\D/g, ''))).toBe(
          expected.get(`${tab}:${stage}`) ?? 0,
        );
        // The list's own total (announced for screen readers) agrees with the badge.
        await expect
          .poll(() => d.page.locator('.lead-list [role="status"]').last().textContent())
          .toBe(`${expected.get(`${tab}:${stage}`) ?? 0} referrals`);
      }
    }
    // The archive filters by outcome.
    await d.page.getByLabel('Outcome').selectOption('won');
    const won = await h.service.ctx.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM referrals WHERE tab = 'cosell' AND substatus = 'Won' AND org_id = (SELECT id FROM organizations WHERE name = 'Contoso Partners')",
    );
    await expect
      .poll(() => d.page.locator('.lead-list [role="status"]').last().textContent())
      .toBe(`${Number(won[0]?.n)} referrals`);
    await screenshot(d.page, 'list-archive-won');
    expect(d.errors).toEqual([]);
    await d.context.close();
  });

  it('searches as you type and signs out', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    await d.page.keyboard.press('/');
    await d.page.keyboard.type('northwind');
    // Results come from every tab and stage, each row showing its stage.
    await expect
      .poll(async () => {
        const names = await d.page.locator('.lead-row-customer').allTextContents();
        return names.length > 0 && names.every((n) => n.toLowerCase().includes('northwind'));
      })
      .toBe(true);
    expect(await d.page.locator('.lead-row .chip-stage').count()).toBeGreaterThan(0);
    await screenshot(d.page, 'search');
    await d.page.getByRole('button', { name: 'Sign out' }).click();
    await d.page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Signed out: this device keeps nothing of the user's referrals.
    const dbs = await d.page.evaluate(async () => (await indexedDB.databases()).map((x) => x.name));
    expect(dbs).not.toContain('partner-desk');
    await d.context.close();
  });
});
