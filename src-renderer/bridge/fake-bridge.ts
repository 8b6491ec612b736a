import type { EventName, InvokeName } from '../../src-shared/ipc/channels';
import { INVOKE_CONTRACTS } from '../../src-shared/ipc/contracts';
import type { EventPayload, InvokeRequest, InvokeResponse } from '../../src-shared/ipc/contracts';
import { describeIssues } from '../../src-shared/ipc/describe-issues';
import type { DesktopBridge, IpcResult, Unsubscribe } from '../../src-shared/ipc/desktop-bridge';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../src-shared/ipc/schemas';

type Responder<K extends InvokeName> = (input: InvokeRequest<K>) => IpcResult<InvokeResponse<K>>;
export type FakeResponders = { [K in InvokeName]: Responder<K> };

/** What an untouched fake answers: a desktop with nothing stored and nothing pending. */
const defaults: FakeResponders = {
  getDesktopInfo: () =>
    ok({
      kind: 'desktop',
      platform: 'test',
      version: '0.0.0-test',
      serviceUrl: 'http://127.0.0.1:4870',
      capabilities: { tray: true, backgroundNotifications: true, autoUpdate: true },
    }),
  getSessionTokens: () => ok(null),
  setSessionTokens: () => ok({ storage: 'encrypted' }),
  clearSessionTokens: () => ok(null),
  pushReminderSchedule: (input) => ok({ scheduled: input.items.length }),
  reportNewReferrals: (input) => ok({ queued: input.initialSync ? 0 : input.referrals.length }),
  getNotificationPreferences: () => ok(DEFAULT_NOTIFICATION_PREFERENCES),
  setNotificationPreferences: (input) =>
    ok({ ...DEFAULT_NOTIFICATION_PREFERENCES, ...input, pausedUntil: null }),
  pauseNotifications: () =>
    ok({ ...DEFAULT_NOTIFICATION_PREFERENCES, pausedUntil: '2030-01-01T00:00:00.000Z' }),
  resumeNotifications: () => ok(DEFAULT_NOTIFICATION_PREFERENCES),
  setAwaitingResponseCount: () => ok(null),
  openExternal: () => ok(null),
  getUpdateStatus: () => ok({ state: 'idle', lastCheckedAt: null }),
  checkForUpdates: () => ok({ state: 'idle', lastCheckedAt: null }),
  installUpdate: () => ({
    ok: false,
    error: { code: 'no-update-ready', message: 'No update has been downloaded yet.' },
  }),
  takePendingOpenReferral: () => ok({ referralId: null }),
};

export interface FakeBridge {
  bridge: DesktopBridge;
  /** Every call, in order, with its input. */
  calls: { name: InvokeName; input: unknown }[];
  /** Main → renderer: deliver an event to the subscribers. */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  listenerCount(name: EventName): number;
}

/**
 * A DesktopBridge for renderer tests: records calls, answers with `responders` (or defaults) and
 * lets the test push events. Typed from the contracts, so a contract change breaks it too.
 */
export function createFakeBridge(responders: Partial<FakeResponders> = {}): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const answer =
    <K extends InvokeName>(name: K) =>
    async (input?: InvokeRequest<K>): Promise<IpcResult<InvokeResponse<K>>> => {
      calls.push({ name, input });
      // Validated like main validates, so a test that sends a bad payload sees main's error.
      const parsed = INVOKE_CONTRACTS[name].request.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: `${name}: ${describeIssues(parsed.error)}` },
        };
      }
      const responder = (responders[name] ?? defaults[name]) as Responder<K>;
      return responder(parsed.data as InvokeRequest<K>);
    };
  const subscribe =
    <K extends EventName>(name: K) =>
    (listener: (payload: EventPayload<K>) => void): Unsubscribe => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => void set.delete(listener as (payload: never) => void);
    };

  const bridge: DesktopBridge = {
    kind: 'fake',
    getDesktopInfo: answer('getDesktopInfo'),
    getSessionTokens: answer('getSessionTokens'),
    setSessionTokens: answer('setSessionTokens'),
    clearSessionTokens: answer('clearSessionTokens'),
    pushReminderSchedule: answer('pushReminderSchedule'),
    reportNewReferrals: answer('reportNewReferrals'),
    getNotificationPreferences: answer('getNotificationPreferences'),
    setNotificationPreferences: answer('setNotificationPreferences'),
    pauseNotifications: answer('pauseNotifications'),
    resumeNotifications: answer('resumeNotifications'),
    setAwaitingResponseCount: answer('setAwaitingResponseCount'),
    openExternal: answer('openExternal'),
    getUpdateStatus: answer('getUpdateStatus'),
    checkForUpdates: answer('checkForUpdates'),
    installUpdate: answer('installUpdate'),
    takePendingOpenReferral: answer('takePendingOpenReferral'),
    onOpenReferral: subscribe('openReferral'),
    onSyncNow: subscribe('syncNow'),
    onUpdateStatus: subscribe('updateStatus'),
    onNotificationPreferences: subscribe('notificationPreferences'),
  };
  return {
    bridge,
    calls,
    emit: (name, payload) =>
      listeners.get(name)?.forEach((listener) => (listener as (p: typeof payload) => void)(payload)),
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
  };
}

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}
