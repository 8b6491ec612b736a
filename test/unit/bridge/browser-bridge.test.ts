import { describe, expect, it } from 'vitest';
import { createBrowserBridge, externalUrl } from '../../../src-renderer/bridge/browser-bridge';
import { fakeBrowserEnv } from './fake-browser-env';

const HOUR = 3_600_000;
const tokens = {
  serviceUrl: 'http://127.0.0.1:4870',
  accessToken: 'a',
  refreshToken: 'r',
  accessTokenExpiresAt: null,
  user: {
    id: 'u',
    email: 'u@x.example',
    displayName: 'U',
    role: 'member',
    organization: { id: 'o', name: 'O' },
  },
};
const item = (referralId: string, dueAt: string, deadline: string) => ({
  key: `${referralId}:2h:${deadline}`,
  referralId,
  title: `Customer ${referralId}`,
  dueAt,
  deadline,
  thresholdHours: 2,
  urgent: false,
});

describe('browser bridge (web mode)', () => {
  it('says it is the web, with no tray, background notifications or updater', async () => {
    const bridge = createBrowserBridge(fakeBrowserEnv().env);
    expect(await bridge.getDesktopInfo()).toEqual({
      ok: true,
      value: {
        kind: 'web',
        platform: 'web',
        version: '',
        serviceUrl: 'http://127.0.0.1:4870',
        capabilities: { tray: false, backgroundNotifications: false, autoUpdate: false },
      },
    });
    expect(await bridge.getUpdateStatus()).toMatchObject({ ok: true, value: { state: 'disabled' } });
    expect(await bridge.installUpdate()).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('keeps tokens for the tab only (sessionStorage), validated like main does', async () => {
    const page = fakeBrowserEnv();
    const bridge = createBrowserBridge(page.env);
    expect(await bridge.setSessionTokens(tokens)).toEqual({ ok: true, value: { storage: 'memory-only' } });
    expect(page.local.data.size).toBe(0);
    expect(await createBrowserBridge(page.env).getSessionTokens()).toEqual({ ok: true, value: tokens }); // a reload
    await bridge.clearSessionTokens();
    expect(await createBrowserBridge(page.env).getSessionTokens()).toEqual({ ok: true, value: null });
    expect(await bridge.setSessionTokens({ ...tokens, accessToken: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^setSessionTokens: accessToken: /) },
    });
  });

  it('shows web notifications for due reminders while the tab is open, and a click opens the referral', async () => {
    const page = fakeBrowserEnv();
    const bridge = createBrowserBridge(page.env);
    const opened: string[] = [];
    bridge.onOpenReferral(({ referralId }) => opened.push(referralId));
    await bridge.pushReminderSchedule({
      items: [item('r1', '2025-06-02T09:00:00.000Z', '2025-06-02T11:00:00.000Z')],
    });
    page.advance(HOUR - 1);
    expect(page.shown).toEqual([]);
    page.advance(1);
    expect(page.shown.map((n) => [n.title, n.body])).toEqual([
      ['Customer r1', 'Respond within 2 hours or the referral expires.'],
    ]);
    page.shown[0]?.click();
    expect(opened).toEqual(['r1']);
    expect(page.state.focused).toBe(1);
    // A reload with the same schedule does not repeat it.
    await createBrowserBridge(page.env).pushReminderSchedule({
      items: [item('r1', '2025-06-02T09:00:00.000Z', '2025-06-02T11:00:00.000Z')],
    });
    expect(page.shown).toHaveLength(1);
  });

  it('batches new referrals and honours the pause', async () => {
    const page = fakeBrowserEnv();
    const bridge = createBrowserBridge(page.env);
    await bridge.pauseNotifications({ minutes: 60 });
    const referral = (id: string) => ({
      id,
      title: id,
      tab: 'cosell' as const,
      qualification: 'None',
      urgent: false,
    });
    expect(
      await bridge.reportNewReferrals({ initialSync: false, referrals: [referral('a'), referral('b')] }),
    ).toEqual({
      ok: true,
      value: { queued: 2 },
    });
    page.advance(59 * 60_000);
    expect(page.shown).toEqual([]);
    page.advance(2 * 60_000);
    expect(page.shown.map((n) => n.title)).toEqual(['2 new referrals']);
  });

  it('asks for notification permission when the user changes the settings, and shares them across tabs', async () => {
    const page = fakeBrowserEnv();
    page.state.permission = 'default';
    const bridge = createBrowserBridge(page.env);
    const seen: unknown[] = [];
    const other = createBrowserBridge(page.env);
    other.onNotificationPreferences((p) => seen.push(p.thresholdsHours));
    const settings = {
      remindersEnabled: true,
      thresholdsHours: [24],
      newReferrals: {
        marketplace: { notify: 'all' as const, qualifications: [] },
        qualified: { notify: 'all' as const, qualifications: [] },
        cosell: { notify: 'none' as const, qualifications: [] },
      },
    };
    expect(await bridge.setNotificationPreferences(settings)).toMatchObject({
      ok: true,
      value: { thresholdsHours: [24] },
    });
    expect(page.state.requested).toBe(1);
    page.storageChanged('partner-desk.notification-preferences');
    expect(seen).toEqual([[24]]);
  });

  it('shows the awaiting count and opens only https and mailto links', async () => {
    const page = fakeBrowserEnv();
    const bridge = createBrowserBridge(page.env);
    await bridge.setAwaitingResponseCount({ count: 5 });
    expect(page.counts).toEqual([5]);
    expect(await bridge.openExternal({ url: 'https://contoso.example/x' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await bridge.openExternal({ url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'url-refused' },
    });
    expect(page.opened).toEqual(['https://contoso.example/x']);
    expect(externalUrl('https://u:p@contoso.example/')).toBeNull();
    expect(externalUrl('file:///etc/passwd')).toBeNull();
    expect(externalUrl('mailto:a@contoso.example')).toBe('mailto:a@contoso.example');
  });
});
