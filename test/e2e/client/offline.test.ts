import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../../support/browser';
import { startClientTestService, type ClientTestService } from '../../integration/client/support/service';
import { buildHarness } from './support/build-harness';

// The real database and sync worker in Chromium, served by the real service (web mode): work done
// offline survives a reload and reaches the service once the network is back.

type Harness = {
  harness: {
    actions: { setFavorite(a: unknown): Promise<unknown>; addNote(a: unknown): Promise<unknown> };
    status(): { online: boolean; leader: boolean; firstSync: { done: boolean } };
    pending(): Promise<{ count: number }>;
    visible(id: string): Promise<{ referral: { favorite: boolean; notes: unknown[] } } | null>;
    firstSyncDone(): Promise<boolean>;
    referralIds(n: number): Promise<string[]>;
    client: { syncNow(): void };
  };
};

describe('offline work in a real browser', () => {
  let service: ClientTestService;
  let browser: Browser;

  beforeAll(async () => {
    const dir = await buildHarness('harness');
    service = await startClientTestService({ config: { rendererDir: dir } });
    await service.addDemoReferrals(60);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('keeps pending work across a reload while offline and pushes it when back online', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const q = new URLSearchParams({ email: service.admin.email, password: service.admin.password });
    await page.goto(`${service.url}/app/index.html?${q}`);
    await page.waitForFunction(() => (window as unknown as Harness).harness !== undefined);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Harness).harness.firstSyncDone()), {
        timeout: 30_000,
      })
      .toBe(true);
    const [id] = await page.evaluate(() => (window as unknown as Harness).harness.referralIds(1));
    expect(id).toBeTruthy();
    const before = (await service.referrals()).get(id!)!.data;

    await context.setOffline(true);
    await page.evaluate(
      async ([rid, fav]) => {
        const h = (window as unknown as Harness).harness;
        await h.actions.setFavorite({ referralId: rid, favorite: fav });
        await h.actions.addNote({ referralId: rid, text: 'written on the train' });
      },
      [id!, !before.favorite] as const,
    );
    expect(await page.evaluate(() => (window as unknown as Harness).harness.pending())).toMatchObject({
      count: 2,
    });

    // Web mode needs the page itself from the service: let the document load but keep the sync
    // API unreachable, as it was while offline.
    await page.route('**/v1/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Harness).harness !== undefined);
    expect(await page.evaluate(() => (window as unknown as Harness).harness.pending())).toMatchObject({
      count: 2,
    });
    const shown = await page.evaluate((rid) => (window as unknown as Harness).harness.visible(rid), id!);
    expect(shown?.referral.favorite).toBe(!before.favorite);
    expect((await service.referrals()).get(id!)!.data.favorite).toBe(before.favorite);

    await page.unroute('**/v1/**');
    await page.evaluate(() => {
      window.dispatchEvent(new Event('online'));
    });
    await expect
      .poll(
        () => page.evaluate(() => (window as unknown as Harness).harness.pending().then((p) => p.count)),
        { timeout: 30_000 },
      )
      .toBe(0);
    const after = (await service.referrals()).get(id!)!.data;
    expect(after.favorite).toBe(!before.favorite);
    expect(after.notes.map((n) => n.text)).toEqual(['written on the train']);
    expect(await page.evaluate(() => (window as unknown as Harness).harness.status().leader)).toBe(true);
    // Aborted requests while "offline" log network errors; nothing else may.
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e))).toEqual([]);
    await context.close();
  });
});
