import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright';
import { seedDemo, type DemoCredentials } from '../../../src-server/demo/seed-demo';
import { collectPageErrors, launchChromium } from '../../support/browser';
import { startService, type RunningService } from '../../support/service';

// The real service on loopback with the demo organizations, and Chromium driving the built UI
// in web mode (/app/), as a user would.

export interface Harness {
  service: RunningService;
  browser: Browser;
  demo: DemoCredentials;
  admin: { email: string; password: string };
  member: { email: string; password: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const service = await startService();
  const demo = await seedDemo(service.ctx, service.url, null);
  const contoso = demo.organizations[0];
  if (!contoso?.member) throw new Error('the demo seed has no Contoso member');
  const browser = await launchChromium();
  return {
    service,
    browser,
    demo,
    admin: contoso.admin,
    member: contoso.member,
    async close() {
      await browser.close();
      await service.close();
    },
  };
}

export const SHOTS = 'test-results/screenshots';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

export interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A browser context is a device: its own IndexedDB, its own outbox, its own device id. */
export async function newDevice(
  h: Harness,
  options: { locale?: string; colorScheme?: 'light' | 'dark'; zoom?: number } = {},
): Promise<Device> {
  // Browser zoom of z on a 1360×860 window is a viewport z times smaller in CSS pixels, drawn at z×.
  const zoom = options.zoom ?? 1;
  const context = await h.browser.newContext({
    viewport: { width: Math.round(1360 / zoom), height: Math.round(860 / zoom) },
    deviceScaleFactor: zoom,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  return { context, page, errors };
}

export async function signIn(
  h: Harness,
  d: Device,
  who: { email: string; password: string } = h.admin,
): Promise<void> {
  const { page } = d;
  await page.goto(`${h.service.url}/app/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForFirstSync(page);
}

/** Polls until the condition holds (usable in hooks, unlike expect.poll). */
export async function until(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first sync is done when the progress bar has gone and the tabs show counts. */
export async function waitForFirstSync(page: Page): Promise<void> {
  await page.getByRole('tablist', { name: 'Lead tabs' }).waitFor();
  await until(async () => (await page.locator('.first-sync').count()) === 0, 'the first sync', 60_000);
}

/** The rendered rows of the list (customer names), in order. */
export async function rowNames(page: Page): Promise<string[]> {
  return page.locator('.lead-row-customer').allTextContents();
}

export async function tabCount(page: Page, tab: string): Promise<number> {
  const text = await page
    .getByRole('tab', { name: new RegExp(`^${tab}`) })
    .locator('.count')
    .textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

export function row(page: Page, customer: string) {
  return page
    .locator('.lead-row', { has: page.locator('.lead-row-customer', { hasText: customer }) })
    .first();
}

/** The service's own view: counts per tab and stage for an organization (admins see everything). */
export async function serviceCounts(h: Harness, orgName = 'Contoso Partners'): Promise<Map<string, number>> {
  const rows = await h.service.ctx.db.query<{ tab: string; stage: string; n: string | number }>(
    `SELECT r.tab, r.stage, count(*) AS n FROM referrals r JOIN organizations o ON o.id = r.org_id
      WHERE o.name = $1 AND NOT r.deleted GROUP BY r.tab, r.stage`,
    [orgName],
  );
  return new Map(rows.map((r) => [`${r.tab}:${r.stage}`, Number(r.n)]));
}

/** The service's current copy of one referral. */
export async function serviceReferral(
  h: Harness,
  id: string,
): Promise<{ status: string; substatus: string; favorite: boolean; data: Record<string, unknown> }> {
  const rows = await h.service.ctx.db.query<{
    status: string;
    substatus: string;
    favorite: boolean;
    data: unknown;
  }>('SELECT status, substatus, favorite, data FROM referrals WHERE id = $1', [id]);
  const r = rows[0];
  if (!r) throw new Error(`no referral ${id}`);
  const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>;
  return { status: r.status, substatus: r.substatus, favorite: r.favorite, data };
}

/** The id of the n-th rendered row. */
export async function rowId(page: Page, index = 0): Promise<string> {
  const id = await page.locator('.lead-row').nth(index).getAttribute('data-referral-id');
  if (!id) throw new Error('no row');
  return id;
}

export function rowById(page: Page, id: string) {
  return page.locator(`.lead-row[data-referral-id="${id}"]`);
}

/** Waits until the outbox is empty (every change answered by the service). */
export async function waitForSynced(page: Page): Promise<void> {
  await until(
    async () =>
      !/waiting|Offline|Syncing/.test((await page.locator('.sync-pill').first().textContent()) ?? ''),
    'the sync',
  );
}
