import { BRIDGE_GLOBAL_KEY } from '../../src-shared/ipc/channels';
import type { DesktopBridge } from '../../src-shared/ipc/desktop-bridge';
import { createBrowserBridge } from './browser-bridge';

// The one way the UI reaches its host. In the Electron shell the preload has put the bridge on
// window.partnerDesk; in web mode (the service's /app/) there is none and the browser bridge
// stands in. Tests pass a fake (./fake-bridge) to whatever takes a DesktopBridge.

declare global {
  interface Window {
    partnerDesk?: DesktopBridge;
  }
}

let current: DesktopBridge | null = null;

export function getDesktopBridge(): DesktopBridge {
  current ??= window[BRIDGE_GLOBAL_KEY] ?? createBrowserBridge();
  return current;
}

export type {
  DesktopBridge,
  IpcResult,
  IpcError,
  IpcErrorCode,
  Unsubscribe,
} from '../../src-shared/ipc/desktop-bridge';
export type {
  DesktopInfo,
  NewReferral,
  NotificationPreferences,
  NotificationSettings,
  ReminderItemPayload,
  SessionTokens,
  TokenStorage,
  UpdateStatus,
} from '../../src-shared/ipc/schemas';
