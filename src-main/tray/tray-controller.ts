import type { BadgePort, TrayMenuItemId, TrayPort } from '../ports/tray-port';
import { trayView } from './tray-model';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  pause(): void;
  resume(): void;
  quit(): void;
}

/** Keeps the tray icon, its menu and the dock/launcher badge in step with the awaiting count. */
export class TrayController {
  private awaitingCount = 0;
  private pausedUntil: number | null = null;

  constructor(
    private readonly tray: TrayPort | null,
    private readonly badge: BadgePort,
    actions: TrayActions,
    private readonly formatTime: (epochMs: number) => string,
  ) {
    const byId: Record<TrayMenuItemId, () => void> = {
      open: () => actions.open(),
      'sync-now': () => actions.syncNow(),
      pause: () => actions.pause(),
      resume: () => actions.resume(),
      quit: () => actions.quit(),
    };
    tray?.onMenuItem((id) => byId[id]());
    tray?.onActivate(() => actions.open());
    this.render();
  }

  setAwaitingCount(count: number): void {
    this.awaitingCount = Math.max(0, Math.floor(count));
    this.badge.setCount(this.awaitingCount);
    this.render();
  }

  setPausedUntil(pausedUntil: number | null): void {
    this.pausedUntil = pausedUntil;
    this.render();
  }

  private render(): void {
    this.tray?.render(
      trayView({ awaitingCount: this.awaitingCount, pausedUntil: this.pausedUntil }, this.formatTime),
    );
  }
}
