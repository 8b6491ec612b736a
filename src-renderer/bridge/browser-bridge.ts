import type { EventName } from '../../src-shared/ipc/channels';
import type { EventPayload } from '../../src-shared/ipc/contracts';
import type { DesktopBridge, Unsubscribe } from '../../src-shared/ipc/desktop-bridge';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  notificationPreferencesSchema,
  sessionTokensSchema,
} from '../../src-shared/ipc/schemas';
import type { NotificationPreferences, SessionTokens } from '../../src-shared/ipc/schemas';
import { browserEnv } from './browser-env';
import type { BrowserEnv } from './browser-env';
import { fail, handle } from './results';
import { WebNotifications } from './web-notifications';

const TOKENS_KEY = 'partner-desk.session-tokens';
const PREFERENCES_KEY = 'partner-desk.notification-preferences';

/**
 * The bridge in web mode (the UI served by the service): web notifications while the tab is
 * open, tokens kept for the tab's lifetime (sessionStorage), no tray, no updater. Inputs are
 * validated with the same contracts as in main, so the UI sees the same errors in both modes.
 */
export function createBrowserBridge(env: BrowserEnv = browserEnv()): DesktopBridge {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const emit = <K extends EventName>(name: K, payload: EventPayload<K>): void =>
    listeners.get(name)?.forEach((listener) => (listener as (p: EventPayload<K>) => void)(payload));
  const subscribe =
    <K extends EventName>(name: K) =>
    (listener: (payload: EventPayload<K>) => void): Unsubscribe => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => void set.delete(listener as (payload: never) => void);
    };

  let memoryTokens: SessionTokens | null = null;
  let preferences = readPreferences(env);
  const notifications = new WebNotifications(
    env,
    () => preferences,
    (referralId) => emit('openReferral', { referralId }),
  );
  const savePreferences = (next: NotificationPreferences): NotificationPreferences => {
    preferences = next;
    env.localStorage?.setItem(PREFERENCES_KEY, JSON.stringify(next));
    emit('notificationPreferences', next);
    notifications.check();
    return next;
  };
  env.onStorageChange((key) => {
    if (key !== PREFERENCES_KEY && key !== null) return;
    preferences = readPreferences(env);
    emit('notificationPreferences', preferences);
    notifications.check();
  });
  const disabled = { state: 'disabled' as const, reason: 'The web app is updated with the service.' };

  return {
    kind: 'web',
    getDesktopInfo: () =>
      handle('getDesktopInfo', undefined, () => ({
        kind: 'web' as const,
        platform: 'web',
        version: '',
        serviceUrl: env.origin,
        capabilities: { tray: false, backgroundNotifications: false, autoUpdate: false },
      })),
    getSessionTokens: () =>
      handle('getSessionTokens', undefined, () => {
        if (memoryTokens) return memoryTokens;
        const parsed = sessionTokensSchema.safeParse(parseJson(env.sessionStorage?.getItem(TOKENS_KEY)));
        return parsed.success ? parsed.data : null;
      }),
    setSessionTokens: (tokens) =>
      handle('setSessionTokens', tokens, (valid: SessionTokens) => {
        memoryTokens = valid;
        env.sessionStorage?.setItem(TOKENS_KEY, JSON.stringify(valid));
        return { storage: 'memory-only' as const };
      }),
    clearSessionTokens: () =>
      handle('clearSessionTokens', undefined, () => {
        memoryTokens = null;
        env.sessionStorage?.removeItem(TOKENS_KEY);
        return null;
      }),
    pushReminderSchedule: (schedule) =>
      handle(
        'pushReminderSchedule',
        schedule,
        (valid: { items: Parameters<WebNotifications['replace']>[0] }) => ({
          scheduled: notifications.replace(valid.items),
        }),
      ),
    reportNewReferrals: (report) =>
      handle('reportNewReferrals', report, (valid: Parameters<DesktopBridge['reportNewReferrals']>[0]) => ({
        queued: notifications.report(valid.initialSync, valid.referrals),
      })),
    getNotificationPreferences: () => handle('getNotificationPreferences', undefined, () => preferences),
    setNotificationPreferences: (settings) =>
      handle(
        'setNotificationPreferences',
        settings,
        async (valid: Omit<NotificationPreferences, 'pausedUntil'>) => {
          // Changing notification settings is a user gesture: the moment to ask for permission.
          const notifier = env.notifications;
          if (notifier && notifier.permission() === 'default')
            await notifier.requestPermission().catch(() => 'default');
          return savePreferences({ ...valid, pausedUntil: preferences.pausedUntil });
        },
      ),
    pauseNotifications: (request) =>
      handle('pauseNotifications', request, (valid: { minutes: number }) =>
        savePreferences({
          ...preferences,
          pausedUntil: new Date(env.now() + valid.minutes * 60_000).toISOString(),
        }),
      ),
    resumeNotifications: () =>
      handle('resumeNotifications', undefined, () => savePreferences({ ...preferences, pausedUntil: null })),
    setAwaitingResponseCount: (request) =>
      handle('setAwaitingResponseCount', request, (valid: { count: number }) => {
        env.showCount(valid.count);
        return null;
      }),
    openExternal: (request) =>
      handle('openExternal', request, (valid: { url: string }) => {
        const url = externalUrl(valid.url);
        if (!url) return fail('url-refused', 'Only https and mailto links are opened.');
        env.openWindow(url);
        return null;
      }),
    getUpdateStatus: () => handle('getUpdateStatus', undefined, () => disabled),
    checkForUpdates: () => handle('checkForUpdates', undefined, () => disabled),
    installUpdate: () =>
      handle('installUpdate', undefined, () =>
        fail('unsupported', 'The web app is updated with the service.'),
      ),
    takePendingOpenReferral: () => handle('takePendingOpenReferral', undefined, () => ({ referralId: null })),
    onOpenReferral: subscribe('openReferral'),
    onSyncNow: subscribe('syncNow'),
    onUpdateStatus: subscribe('updateStatus'),
    onNotificationPreferences: subscribe('notificationPreferences'),
  };
}

/** https or mailto, no credentials, parsed (main's guard is stricter; the browser sandboxes the rest). */
export function externalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
    if (url.username || url.password || /[\s\\]/.test(raw)) return null;
    return url.href;
  } catch {
    return null;
  }
}

function readPreferences(env: BrowserEnv): NotificationPreferences {
  const parsed = notificationPreferencesSchema.safeParse(
    parseJson(env.localStorage?.getItem(PREFERENCES_KEY)),
  );
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES;
}

function parseJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
