// IPC channel names, and nothing else: the sandboxed preload bundles this file, so it must stay a
// handful of strings (no zod). `contracts.ts` attaches a schema to every name listed here.

/** Renderer → main request/response channels (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE_CHANNELS = {
  getDesktopInfo: 'partner-desk:app:get-info',
  getSessionTokens: 'partner-desk:tokens:get',
  setSessionTokens: 'partner-desk:tokens:set',
  clearSessionTokens: 'partner-desk:tokens:clear',
  pushReminderSchedule: 'partner-desk:reminders:push-schedule',
  reportNewReferrals: 'partner-desk:referrals:report-new',
  getNotificationPreferences: 'partner-desk:notifications:get-preferences',
  setNotificationPreferences: 'partner-desk:notifications:set-preferences',
  pauseNotifications: 'partner-desk:notifications:pause',
  resumeNotifications: 'partner-desk:notifications:resume',
  setAwaitingResponseCount: 'partner-desk:tray:set-awaiting-count',
  openExternal: 'partner-desk:shell:open-external',
  getUpdateStatus: 'partner-desk:updater:get-status',
  checkForUpdates: 'partner-desk:updater:check',
  installUpdate: 'partner-desk:updater:install',
  takePendingOpenReferral: 'partner-desk:navigation:take-pending',
} as const;

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const EVENT_CHANNELS = {
  openReferral: 'partner-desk:event:open-referral',
  syncNow: 'partner-desk:event:sync-now',
  updateStatus: 'partner-desk:event:update-status',
  notificationPreferences: 'partner-desk:event:notification-preferences',
} as const;

export type InvokeName = keyof typeof INVOKE_CHANNELS;
export type EventName = keyof typeof EVENT_CHANNELS;

/** The key under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL_KEY = 'partnerDesk';
