// The bridge the preload exposes: one named method per contract channel and nothing generic, so
// the page can reach exactly these channels and no other. Imports channel names (plain strings)
// and types only, so the sandboxed preload bundle stays tiny and requires nothing but electron.
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src-shared/ipc/channels';
import type { EventName } from '../../src-shared/ipc/channels';
import type { EventPayload } from '../../src-shared/ipc/contracts';
import type { DesktopBridge, IpcResult, Unsubscribe } from '../../src-shared/ipc/desktop-bridge';

/** The part of ipcRenderer the bridge uses (the preload passes the real one). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadBridge(ipc: IpcRendererLike): DesktopBridge {
  // Main always answers with a result object; a rejected invoke (main not listening) becomes one too.
  const call = <T>(channel: string, ...args: unknown[]): Promise<IpcResult<T>> =>
    ipc.invoke(channel, ...args).then(
      (result) => result as IpcResult<T>,
      (error: unknown) => ({
        ok: false as const,
        error: { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) },
      }),
    );

  // The listener gets the payload only: handing the page the IpcRendererEvent would expose `sender`.
  const subscribe =
    <K extends EventName>(name: K) =>
    (listener: (payload: EventPayload<K>) => void): Unsubscribe => {
      const channel = EVENT_CHANNELS[name];
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload as EventPayload<K>);
      ipc.on(channel, wrapped);
      return () => void ipc.removeListener(channel, wrapped);
    };

  return {
    kind: 'desktop',
    getDesktopInfo: () => call(INVOKE_CHANNELS.getDesktopInfo),
    getSessionTokens: () => call(INVOKE_CHANNELS.getSessionTokens),
    setSessionTokens: (tokens) => call(INVOKE_CHANNELS.setSessionTokens, tokens),
    clearSessionTokens: () => call(INVOKE_CHANNELS.clearSessionTokens),
    pushReminderSchedule: (schedule) => call(INVOKE_CHANNELS.pushReminderSchedule, schedule),
    reportNewReferrals: (report) => call(INVOKE_CHANNELS.reportNewReferrals, report),
    getNotificationPreferences: () => call(INVOKE_CHANNELS.getNotificationPreferences),
    setNotificationPreferences: (settings) => call(INVOKE_CHANNELS.setNotificationPreferences, settings),
    pauseNotifications: (request) => call(INVOKE_CHANNELS.pauseNotifications, request),
    resumeNotifications: () => call(INVOKE_CHANNELS.resumeNotifications),
    setAwaitingResponseCount: (request) => call(INVOKE_CHANNELS.setAwaitingResponseCount, request),
    openExternal: (request) => call(INVOKE_CHANNELS.openExternal, request),
    getUpdateStatus: () => call(INVOKE_CHANNELS.getUpdateStatus),
    checkForUpdates: () => call(INVOKE_CHANNELS.checkForUpdates),
    installUpdate: () => call(INVOKE_CHANNELS.installUpdate),
    takePendingOpenReferral: () => call(INVOKE_CHANNELS.takePendingOpenReferral),
    onOpenReferral: subscribe('openReferral'),
    onSyncNow: subscribe('syncNow'),
    onUpdateStatus: subscribe('updateStatus'),
    onNotificationPreferences: subscribe('notificationPreferences'),
  };
}
