import type { Logger, Timer, TimerHandle } from '../ports/clock';
import type { FileStore } from '../ports/file-store';
import { JsonFile } from '../persistence/json-file';
import { captureState, windowStateSchema } from './window-state';
import type { Rect, WindowState } from './window-state';

const SAVE_DELAY_MS = 500;

/** Loads the saved window state and saves changes, debounced (move and resize fire per pixel). */
export class WindowStateKeeper {
  private armed: TimerHandle | null = null;
  private latest: WindowState | null = null;
  private readonly file: JsonFile<WindowState | null>;

  constructor(
    files: FileStore,
    private readonly timer: Timer,
    log: Logger,
  ) {
    this.file = new JsonFile(files, 'window-state.json', windowStateSchema.nullable(), log);
  }

  load(): Promise<WindowState | null> {
    return this.file.read(null);
  }

  changed(normalBounds: Rect, maximized: boolean): void {
    this.latest = captureState(normalBounds, maximized);
    if (this.armed) this.timer.clearTimeout(this.armed);
    this.armed = this.timer.setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Writes at once (on close and quit). */
  async flush(): Promise<void> {
    if (this.armed) this.timer.clearTimeout(this.armed);
    this.armed = null;
    if (this.latest) await this.file.write(this.latest);
  }
}
