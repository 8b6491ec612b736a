import type { BrowserEnv, KeyValueStore } from '../../../src-renderer/bridge/browser-env';

export class MemoryStorage implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** A page for the browser bridge: storage, notifications and timers under the test's control. */
export function fakeBrowserEnv(start = Date.parse('2025-06-02T08:00:00.000Z')) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const shown: {
    title: string;
    body: string;
    tag: string;
    requireInteraction: boolean;
    click: () => void;
  }[] = [];
  const opened: string[] = [];
  const counts: number[] = [];
  const storageListeners: ((key: string | null) => void)[] = [];
  const state = { permission: 'granted' as 'granted' | 'denied' | 'default', requested: 0, focused: 0 };
  const session = new MemoryStorage();
  const local = new MemoryStorage();
  const env: BrowserEnv = {
    origin: 'http://127.0.0.1:4870',
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    sessionStorage: session,
    localStorage: local,
    notifications: {
      permission: () => state.permission,
      requestPermission: async () => {
        state.requested += 1;
        state.permission = 'granted';
        return state.permission;
      },
      show: (title, options, onClick) => shown.push({ title, ...options, click: onClick }),
    },
    focusWindow: () => void (state.focused += 1),
    openWindow: (url) => void opened.push(url),
    showCount: (count) => void counts.push(count),
    onStorageChange: (listener) => void storageListeners.push(listener),
  };
  /** Time passes: due timers fire in order. */
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      timers.delete(next[0]);
      now = next[1].at;
      next[1].callback();
    }
    now = end;
  };
  return {
    env,
    shown,
    opened,
    counts,
    state,
    session,
    local,
    advance,
    storageChanged: (key: string) => storageListeners.forEach((l) => l(key)),
  };
}
