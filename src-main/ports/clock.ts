/** Wall-clock time. Tests move it freely (jumps, daylight-saving, sleep). */
export interface Clock {
  /** Epoch milliseconds (UTC). */
  now(): number;
}

export interface TimerHandle {
  readonly id: number;
}

/** Monotonic timers. A timer does not see wall-clock jumps, so callers re-check the Clock. */
export interface Timer {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
