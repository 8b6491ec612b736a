import type { Clock, Logger, Timer, TimerHandle } from '../../ports/clock';

// Node's own clock and timers (no Electron needed), plus a console logger.

// Node turns a delay above 2^31-1 ms into 1 ms (documented under timers.setTimeout): callers cap
// their delays, and this clamps as a last line of defence.
const MAX_DELAY_MS = 2_147_483_647;

export const systemClock: Clock = { now: () => Date.now() };

export function createSystemTimer(): Timer {
  const live = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    setTimeout(callback, delayMs) {
      const id = nextId++;
      const timeout = setTimeout(
        () => {
          live.delete(id);
          callback();
        },
        Math.min(Math.max(0, delayMs), MAX_DELAY_MS),
      );
      timeout.unref?.();
      live.set(id, timeout);
      return { id };
    },
    clearTimeout(handle: TimerHandle) {
      const timeout = live.get(handle.id);
      if (timeout) clearTimeout(timeout);
      live.delete(handle.id);
    },
  };
}

export const consoleLogger: Logger = {
  info: (message) => console.info(`[partner-desk] ${message}`),
  warn: (message) => console.warn(`[partner-desk] ${message}`),
  error: (message) => console.error(`[partner-desk] ${message}`),
};
