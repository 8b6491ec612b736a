import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../../src-shared/ipc/channels';
import { createDesktopServices } from '../../../../src-main/app/desktop-services';
import { registerIpcHandlers } from '../../../../src-main/ipc/ipc-router';
import { FakeIpcMain, OUR_WINDOW, fakePorts } from '../fakes/fakes';

const HOUR = 3_600_000;

async function wired() {
  const fakes = fakePorts(Date.parse('2025-06-02T08:00:00.000Z'));
  const services = await createDesktopServices(fakes.ports);
  const ipc = new FakeIpcMain();
  registerIpcHandlers(ipc, services.handlers, fakes.log);
  const call = (channel: string, ...args: unknown[]) => ipc.invoke(channel, OUR_WINDOW, ...args);
  const eventsOn = (channel: string) =>
    fakes.events.filter((e) => e.channel === channel).map((e) => e.payload);
  return { ...fakes, services, call, eventsOn };
}

const item = (referralId: string, dueAt: string, deadline: string) => ({
  key: `${referralId}:2h:${deadline}`,
  referralId,
  title: `Customer ${referralId}`,
  dueAt,
  deadline,
  thresholdHours: 2,
  urgent: false,
});

describe('the shell wired from its ports', () => {
  it('a reminder click restores and focuses the window and opens the referral', async () => {
    const { call, time, notifier, calls, eventsOn } = await wired();
    expect(await call(INVOKE_CHANNELS.takePendingOpenReferral)).toEqual({
      ok: true,
      value: { referralId: null },
    });
    await call(INVOKE_CHANNELS.pushReminderSchedule, {
      items: [item('r1', '2025-06-02T09:00:00.000Z', '2025-06-02T11:00:00.000Z')],
    });
    await time.advance(HOUR);
    expect(notifier.titles).toEqual(['Customer r1']);
    notifier.shown[0]?.click();
    expect(calls).toEqual(['showAndFocus']);
    expect(eventsOn(EVENT_CHANNELS.openReferral)).toEqual([{ referralId: 'r1' }]);
  });

  it('a click before the page listens is held until it asks', async () => {
    const { call, notifier, time } = await wired();
    await call(INVOKE_CHANNELS.reportNewReferrals, {
      initialSync: false,
      referrals: [{ id: 'n1', title: 'Fabrikam', tab: 'marketplace', qualification: 'Direct', urgent: true }],
    });
    await time.advance(6_000);
    notifier.shown[0]?.click();
    expect(await call(INVOKE_CHANNELS.takePendingOpenReferral)).toEqual({
      ok: true,
      value: { referralId: 'n1' },
    });
  });

  it('"pause for 1 hour" from the tray holds reminders, updates the menu and the settings screen, then ends', async () => {
    const { tray, time, eventsOn, call, notifier } = await wired();
    tray.choose('pause');
    await time.advance(0);
    expect(tray.current.menu.some((i) => i !== 'separator' && i.id === 'resume')).toBe(true);
    expect(eventsOn(EVENT_CHANNELS.notificationPreferences).at(-1)).toMatchObject({
      pausedUntil: '2025-06-02T09:00:00.000Z',
    });
    await call(INVOKE_CHANNELS.pushReminderSchedule, {
      items: [item('r1', '2025-06-02T08:30:00.000Z', '2025-06-02T10:30:00.000Z')],
    });
    await time.advance(HOUR - 1);
    expect(notifier.shown).toEqual([]);
    await time.advance(2);
    expect(notifier.titles).toEqual(['Customer r1']);
    expect(tray.current.menu.some((i) => i !== 'separator' && i.id === 'pause')).toBe(true);
    expect(eventsOn(EVENT_CHANNELS.notificationPreferences).at(-1)).toMatchObject({
      pausedUntil: '2025-06-02T09:00:00.000Z',
    });
  });

  it('pause and resume through IPC', async () => {
    const { call, tray } = await wired();
    expect(await call(INVOKE_CHANNELS.pauseNotifications, { minutes: 60 })).toMatchObject({
      ok: true,
      value: { pausedUntil: '2025-06-02T09:00:00.000Z' },
    });
    expect(tray.current.tooltip).toContain('paused until 09:00');
    expect(await call(INVOKE_CHANNELS.resumeNotifications)).toMatchObject({
      ok: true,
      value: { pausedUntil: null },
    });
    expect(tray.current.tooltip).not.toContain('paused');
  });

  it('the awaiting count reaches the tray and the badge', async () => {
    const { call, tray, badge } = await wired();
    expect(await call(INVOKE_CHANNELS.setAwaitingResponseCount, { count: 4 })).toEqual({
      ok: true,
      value: null,
    });
    expect(badge.counts.at(-1)).toBe(4);
    expect(tray.current.tooltip).toBe('Partner Desk: 4 referrals awaiting a response');
  });

  it('tray "sync now" and waking from sleep ask the page to sync; sleep also re-checks reminders', async () => {
    const { tray, eventsOn, resume, time, call, notifier } = await wired();
    tray.choose('sync-now');
    await call(INVOKE_CHANNELS.pushReminderSchedule, {
      items: [
        item('a', '2025-06-02T10:00:00.000Z', '2025-06-02T12:00:00.000Z'),
        item('b', '2025-06-02T10:00:00.000Z', '2025-06-02T12:00:00.000Z'),
      ],
    });
    time.sleep(3 * HOUR);
    resume();
    await time.advance(0);
    expect(eventsOn(EVENT_CHANNELS.syncNow)).toEqual([{ reason: 'tray' }, { reason: 'resume' }]);
    expect(notifier.titles).toEqual(['2 referrals need a response soon']);
  });

  it('tray "quit" lets the window close instead of hiding, then quits', async () => {
    const { tray, services, calls } = await wired();
    expect(services.quitState.shouldHideOnClose()).toBe(true);
    tray.choose('quit');
    expect(services.quitState.shouldHideOnClose()).toBe(false);
    expect(calls).toEqual(['quit']);
  });

  it('updater status is published to the page for the banner, and install needs a downloaded update', async () => {
    const { updater, eventsOn, call, calls } = await wired();
    expect(await call(INVOKE_CHANNELS.installUpdate)).toMatchObject({
      ok: false,
      error: { code: 'no-update-ready' },
    });
    updater.emit({ type: 'downloaded', version: '2.0.0' });
    expect(eventsOn(EVENT_CHANNELS.updateStatus).at(-1)).toEqual({ state: 'downloaded', version: '2.0.0' });
    expect(await call(INVOKE_CHANNELS.installUpdate)).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['quitAndInstall']);
  });

  it('session tokens round-trip through IPC', async () => {
    const { call } = await wired();
    const tokens = {
      serviceUrl: 'http://127.0.0.1:4870',
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: null,
      user: {
        id: 'u1',
        email: 'jane@contoso.example',
        displayName: 'Jane',
        role: 'admin',
        organization: { id: 'o1', name: 'Contoso' },
      },
    };
    expect(await call(INVOKE_CHANNELS.setSessionTokens, tokens)).toEqual({
      ok: true,
      value: { storage: 'encrypted' },
    });
    expect(await call(INVOKE_CHANNELS.getSessionTokens)).toEqual({ ok: true, value: tokens });
    expect(await call(INVOKE_CHANNELS.clearSessionTokens)).toEqual({ ok: true, value: null });
    expect(await call(INVOKE_CHANNELS.getSessionTokens)).toEqual({ ok: true, value: null });
    expect(
      await call(INVOKE_CHANNELS.setSessionTokens, { ...tokens, serviceUrl: 'javascript:alert(1)' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('serviceUrl') },
    });
  });

  it('notification preferences persist and are validated', async () => {
    const { call, files } = await wired();
    const settings = {
      remindersEnabled: true,
      thresholdsHours: [48, 4],
      newReferrals: {
        marketplace: { notify: 'urgent-only', qualifications: [] },
        qualified: { notify: 'all', qualifications: ['MarketingQualified'] },
        cosell: { notify: 'none', qualifications: [] },
      },
    };
    expect(await call(INVOKE_CHANNELS.setNotificationPreferences, settings)).toEqual({
      ok: true,
      value: { ...settings, pausedUntil: null },
    });
    expect(JSON.parse(files.text('notification-preferences.json') ?? '{}')).toEqual({
      ...settings,
      pausedUntil: null,
    });
    expect(
      await call(INVOKE_CHANNELS.setNotificationPreferences, { ...settings, thresholdsHours: [2, 2] }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('thresholdsHours') },
    });
  });
});
