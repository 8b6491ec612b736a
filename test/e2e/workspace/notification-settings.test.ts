import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDevice, screenshot, signIn, startHarness, until, type Harness } from './harness';

// Web mode: the settings are kept by the browser bridge (localStorage), checked with the
// contract's zod schema, and changes from another tab arrive through onNotificationPreferences.

const PREFERENCES_KEY = 'partner-desk.notification-preferences';

function settings(page: Page) {
  return page.getByRole('dialog', { name: 'Notification settings' });
}

async function openSettings(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Notifications' }).click();
  const dialog = settings(page);
  await dialog.getByRole('list', { name: 'Reminders' }).waitFor();
  return dialog;
}

async function reminders(page: Page): Promise<string[]> {
  return settings(page).getByRole('list', { name: 'Reminders' }).getByRole('listitem').allTextContents();
}

describe('notification settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('changes reminders and per-tab choices, keeps them across a reload, and pauses for an hour', async () => {
    const d = await newDevice(h);
    await signIn(h, d);
    const { page } = d;

    let dialog = await openSettings(page);
    expect(await reminders(page)).toEqual(['72 hours before×', '24 hours before×', '2 hours before×']);

    // Validated with the contract's schema, the error next to the field.
    const hours = dialog.getByLabel('Add a reminder (hours before the deadline)');
    const add = dialog.getByRole('button', { name: 'Add', exact: true });
    await hours.fill('24');
    await add.click();
    expect(await page.locator('#notification-threshold-error').textContent()).toBe(
      'That reminder is already in the list.',
    );
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    await hours.fill('500');
    await add.click();
    expect(await page.locator('#notification-threshold-error').textContent()).toBe(
      'Enter whole hours from 1 to 336.',
    );

    for (const n of [72, 24, 2])
      await dialog.getByRole('button', { name: `Remove the reminder ${n} hours before` }).click();
    expect(await reminders(page)).toEqual(['No reminders: add one below.']);
    await hours.fill('4');
    await hours.press('Enter');
    await hours.fill('48');
    await add.click();
    expect(await page.locator('#notification-threshold-error').count()).toBe(0);
    expect(await reminders(page)).toEqual(['48 hours before×', '4 hours before×']);

    // Only Qualified leads, and of those only the marketing-qualified ones.
    await dialog
      .getByRole('group', { name: 'Marketplace leads' })
      .getByLabel('Notify me about')
      .selectOption('none');
    await dialog.getByRole('group', { name: 'Co-sell' }).getByLabel('Notify me about').selectOption('none');
    const qualified = dialog.getByRole('group', { name: 'Qualified leads' });
    await qualified.getByLabel('Marketing qualified').check();
    await screenshot(page, 'notification-settings');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'detached' });

    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PREFERENCES_KEY)) ?? '{}');
    expect(stored.thresholdsHours).toEqual([48, 4]);
    expect(stored.newReferrals).toEqual({
      marketplace: { notify: 'none', qualifications: [] },
      qualified: { notify: 'all', qualifications: ['MarketingQualified'] },
      cosell: { notify: 'none', qualifications: [] },
    });

    // Kept across a reload.
    await page.reload();
    await page.getByRole('tablist', { name: 'Lead tabs' }).waitFor();
    dialog = await openSettings(page);
    expect(await reminders(page)).toEqual(['48 hours before×', '4 hours before×']);
    expect(
      await dialog
        .getByRole('group', { name: 'Marketplace leads' })
        .getByLabel('Notify me about')
        .inputValue(),
    ).toBe('none');
    expect(
      await dialog.getByRole('group', { name: 'Co-sell' }).getByLabel('Notify me about').inputValue(),
    ).toBe('none');
    expect(
      await dialog.getByRole('group', { name: 'Qualified leads' }).getByLabel('Notify me about').inputValue(),
    ).toBe('all');
    expect(
      await dialog
        .getByRole('group', { name: 'Qualified leads' })
        .getByLabel('Marketing qualified')
        .isChecked(),
    ).toBe(true);

    // Pause for 1 hour: the status says until when, in the user's time zone.
    const status = dialog.getByRole('status');
    expect(await status.textContent()).toBe('Notifications are on.');
    await dialog.getByRole('button', { name: 'Pause for 1 hour' }).click();
    await until(async () => ((await status.textContent()) ?? '').startsWith('Paused until'), 'the pause');
    const expected = await page.evaluate((k) => {
      const until = (JSON.parse(localStorage.getItem(k) ?? '{}') as { pausedUntil: string }).pausedUntil;
      const fmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
      return { text: fmt.format(new Date(until)), ms: Date.parse(until) - Date.now() };
    }, PREFERENCES_KEY);
    expect(expected.ms).toBeGreaterThan(59 * 60_000);
    expect(expected.ms).toBeLessThanOrEqual(60 * 60_000);
    expect(await status.textContent()).toContain(`Paused until ${expected.text}.`);
    await screenshot(page, 'notification-settings-paused');
    await dialog.getByRole('button', { name: 'Resume now' }).click();
    await until(async () => (await status.textContent()) === 'Notifications are on.', 'the resume');

    // A change made in another tab (a storage event) shows up in the open dialog.
    await page.evaluate((k) => {
      const prefs = JSON.parse(localStorage.getItem(k) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(
        k,
        JSON.stringify({
          ...prefs,
          thresholdsHours: [12],
          pausedUntil: new Date(Date.now() + 1_800_000).toISOString(),
        }),
      );
      window.dispatchEvent(new StorageEvent('storage', { key: k }));
    }, PREFERENCES_KEY);
    await until(
      async () => ((await status.textContent()) ?? '').startsWith('Paused until'),
      'the pushed pause',
    );
    expect(await reminders(page)).toEqual(['12 hours before×']);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(d.errors).toEqual([]);
  });
});
