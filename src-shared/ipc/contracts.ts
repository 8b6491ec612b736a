import { z } from 'zod';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import type { EventName, InvokeName } from './channels';
import {
  awaitingCountSchema,
  desktopInfoSchema,
  externalUrlRequestSchema,
  newReferralsReportSchema,
  notificationPreferencesSchema,
  notificationSettingsSchema,
  openReferralEventSchema,
  pauseRequestSchema,
  pendingNavigationSchema,
  reminderScheduleSchema,
  sessionTokensSchema,
  syncNowEventSchema,
  tokenStorageSchema,
  updateStatusSchema,
} from './schemas';

// One contract per channel: the request main accepts and the response it returns. A channel with
// no request takes no argument (z.undefined). Main validates both directions; the preload, the
// browser bridge and the test fake are typed from these through DesktopBridge.

export interface InvokeContract {
  readonly channel: string;
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

const none = z.undefined();
const nothing = z.null();

const contract = <C extends InvokeName, Req extends z.ZodType, Res extends z.ZodType>(
  name: C,
  request: Req,
  response: Res,
) => ({ channel: INVOKE_CHANNELS[name], request, response }) as const;

export const INVOKE_CONTRACTS = {
  getDesktopInfo: contract('getDesktopInfo', none, desktopInfoSchema),
  getSessionTokens: contract('getSessionTokens', none, sessionTokensSchema.nullable()),
  setSessionTokens: contract('setSessionTokens', sessionTokensSchema, tokenStorageSchema),
  clearSessionTokens: contract('clearSessionTokens', none, nothing),
  pushReminderSchedule: contract(
    'pushReminderSchedule',
    reminderScheduleSchema,
    z.strictObject({ scheduled: z.number().int() }),
  ),
  reportNewReferrals: contract(
    'reportNewReferrals',
    newReferralsReportSchema,
    z.strictObject({ queued: z.number().int() }),
  ),
  getNotificationPreferences: contract('getNotificationPreferences', none, notificationPreferencesSchema),
  setNotificationPreferences: contract(
    'setNotificationPreferences',
    notificationSettingsSchema,
    notificationPreferencesSchema,
  ),
  pauseNotifications: contract('pauseNotifications', pauseRequestSchema, notificationPreferencesSchema),
  resumeNotifications: contract('resumeNotifications', none, notificationPreferencesSchema),
  setAwaitingResponseCount: contract('setAwaitingResponseCount', awaitingCountSchema, nothing),
  openExternal: contract('openExternal', externalUrlRequestSchema, nothing),
  getUpdateStatus: contract('getUpdateStatus', none, updateStatusSchema),
  checkForUpdates: contract('checkForUpdates', none, updateStatusSchema),
  installUpdate: contract('installUpdate', none, nothing),
  takePendingOpenReferral: contract('takePendingOpenReferral', none, pendingNavigationSchema),
} as const satisfies { readonly [K in InvokeName]: InvokeContract };

export const EVENT_CONTRACTS = {
  openReferral: { channel: EVENT_CHANNELS.openReferral, payload: openReferralEventSchema },
  syncNow: { channel: EVENT_CHANNELS.syncNow, payload: syncNowEventSchema },
  updateStatus: { channel: EVENT_CHANNELS.updateStatus, payload: updateStatusSchema },
  notificationPreferences: {
    channel: EVENT_CHANNELS.notificationPreferences,
    payload: notificationPreferencesSchema,
  },
} as const satisfies { readonly [K in EventName]: { channel: string; payload: z.ZodType } };

export type InvokeContracts = typeof INVOKE_CONTRACTS;
export type EventContracts = typeof EVENT_CONTRACTS;
export type InvokeRequest<K extends InvokeName> = z.input<InvokeContracts[K]['request']>;
export type InvokeResponse<K extends InvokeName> = z.output<InvokeContracts[K]['response']>;
export type EventPayload<K extends EventName> = z.output<EventContracts[K]['payload']>;
