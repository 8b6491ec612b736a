// What the browser bridge needs from the page, injectable so it is testable outside a browser.

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface WebNotifier {
  permission(): 'granted' | 'denied' | 'default';
  requestPermission(): Promise<'granted' | 'denied' | 'default'>;
  show(
    title: string,
    options: { body: string; tag: string; requireInteraction: boolean },
    onClick: () => void,
  ): void;
}

export interface BrowserEnv {
  origin: string;
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Tokens: per tab, gone when the tab closes. */
  sessionStorage: KeyValueStore | null;
  /** Preferences and shown reminders: shared by the tabs of this origin. */
  localStorage: KeyValueStore | null;
  notifications: WebNotifier | null;
  focusWindow(): void;
  openWindow(url: string): void;
  /** The awaiting count: the tab title, and the app badge where the browser has one. */
  showCount(count: number): void;
  /** Another tab changed localStorage. */
  onStorageChange(listener: (key: string | null) => void): void;
}

function safeStorage(get: () => Storage): KeyValueStore | null {
  try {
    const storage = get();
    storage.getItem('partner-desk.probe');
    return storage;
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): fall back to memory.
    return null;
  }
}

/** The real page. */
export function browserEnv(): BrowserEnv {
  const hasNotifications = typeof Notification !== 'undefined';
  return {
    origin: window.location.origin,
    now: () => Date.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    sessionStorage: safeStorage(() => window.sessionStorage),
    localStorage: safeStorage(() => window.localStorage),
    notifications: hasNotifications
      ? {
          permission: () => Notification.permission,
          requestPermission: () => Notification.requestPermission(),
          show: (title, options, onClick) => {
            const notification = new Notification(title, options);
            notification.onclick = () => {
              notification.close();
              onClick();
            };
          },
        }
      : null,
    focusWindow: () => window.focus(),
    openWindow: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
    showCount: (count) => {
      document.title = count > 0 ? `(${count}) Partner Desk` : 'Partner Desk';
      const badge = navigator as Navigator & {
        setAppBadge?: (n: number) => Promise<void>;
        clearAppBadge?: () => Promise<void>;
      };
      if (count > 0) void badge.setAppBadge?.(count).catch(() => undefined);
      else void badge.clearAppBadge?.().catch(() => undefined);
    },
    onStorageChange: (listener) => window.addEventListener('storage', (event) => listener(event.key)),
  };
}
