import type { DesktopPorts } from '../app/desktop-ports';
import type { RendererNavigation } from '../deeplinks/renderer-navigation';
import type { NewReferralNotices } from '../notifications/new-referral-notices';
import type { PreferencesStore } from '../notifications/preferences';
import type { ReminderScheduler } from '../notifications/reminder-scheduler';
import type { TokenVault } from '../secrets/token-vault';
import { checkExternalUrl } from '../security/external-url';
import type { TrayController } from '../tray/tray-controller';
import type { UpdateController } from '../updater/update-controller';
import { IpcFailure } from './ipc-failure';
import type { IpcHandlers } from './ipc-router';

export interface HandlerDeps {
  ports: DesktopPorts;
  vault: TokenVault;
  scheduler: ReminderScheduler;
  notices: NewReferralNotices;
  preferences: PreferencesStore;
  tray: TrayController;
  updates: UpdateController;
  navigation: RendererNavigation;
}

/** One handler per channel; inputs arrive already validated by the router. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const { ports, vault, scheduler, notices, preferences, tray, updates, navigation } = deps;
  return {
    getDesktopInfo: () => ({
      kind: 'desktop',
      platform: ports.info.platform,
      version: ports.info.version,
      serviceUrl: ports.info.serviceUrl,
      capabilities: {
        tray: ports.tray !== null,
        backgroundNotifications: ports.notifier.isSupported(),
        autoUpdate: ports.updater.isSupported(),
      },
    }),
    getSessionTokens: () => vault.get(),
    setSessionTokens: (tokens) => vault.set(tokens),
    clearSessionTokens: async () => {
      await vault.clear();
      return null;
    },
    pushReminderSchedule: async ({ items }) => ({ scheduled: await scheduler.replaceSchedule(items) }),
    reportNewReferrals: (report) => ({ queued: notices.report(report) }),
    getNotificationPreferences: () => preferences.get(),
    setNotificationPreferences: (settings) => preferences.update(settings),
    pauseNotifications: ({ minutes }) => preferences.pause(minutes),
    resumeNotifications: () => preferences.resume(),
    setAwaitingResponseCount: ({ count }) => {
      tray.setAwaitingCount(count);
      return null;
    },
    openExternal: async ({ url }) => {
      const verdict = checkExternalUrl(url);
      if (!verdict.ok) {
        throw new IpcFailure('url-refused', `Only https and mailto links are opened (${verdict.reason}).`);
      }
      await ports.opener.open(verdict.url);
      return null;
    },
    getUpdateStatus: () => updates.get(),
    checkForUpdates: () => updates.checkNow(),
    installUpdate: () => {
      updates.install();
      return null;
    },
    takePendingOpenReferral: () => ({ referralId: navigation.takePending() }),
  };
}
