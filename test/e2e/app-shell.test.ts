import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../support/browser';
import { startService, type RunningService } from '../support/service';

describe('the built renderer in Chromium', () => {
  let service: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startService();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('loads from the service with no console errors and shows the sign-in screen', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${service.url}/app/`);

    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await expect.poll(() => page.getByRole('heading', { name: 'Partner Desk' }).count()).toBe(1);
    // Signed out, the shell is the sign-in form; the service URL defaults to the page's origin.
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    expect(await page.getByLabel('Service address').inputValue()).toBe(service.url);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/app-shell.png' });
  });

  it('redirects the service root to the web UI', async () => {
    const response = await fetch(`${service.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/app/');
  });
});
