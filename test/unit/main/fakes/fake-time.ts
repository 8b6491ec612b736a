import type { Clock, Timer, TimerHandle } from '../../../../src-main/ports/clock';

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

/** Lets promises and async file writes triggered by a timer settle. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A wall clock and monotonic timers that tests move apart: `advance` moves both (time passes),
 * `jumpWall` moves only the wall clock (the user or NTP changed it), `sleep` moves the wall clock
 * while timers stand still (the machine was suspended).
 */
export class FakeTime implements Clock, Timer {
  private monotonic = 0;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(private wall: number) {}

  now(): number {
    return this.wall;
  }

  iso(): string {
    return new Date(this.wall).toISOString();
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, at: this.monotonic + Math.max(0, delayMs), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((p) => p.id !== handle.id);
  }

  get timerCount(): number {
    return this.pending.length;
  }

  /** Time passes: timers fire in order, each followed by its async work settling. */
  async advance(ms: number): Promise<void> {
    const end = this.monotonic + ms;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > end) break;
      this.wall += next.at - this.monotonic;
      this.monotonic = next.at;
      this.pending = this.pending.filter((p) => p.id !== next.id);
      next.callback();
      await settle();
    }
    this.wall += end - this.monotonic;
    this.monotonic = end;
    await settle();
  }

  jumpWall(ms: number): void {
    this.wall += ms;
  }

  sleep(ms: number): void {
    this.wall += ms;
  }
}
