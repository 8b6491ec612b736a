import type { Notice, NoticeTarget } from '../../src-shared/ipc/notices';
import type { Logger } from '../ports/clock';
import type { NotificationHandle, Notifier } from '../ports/notifier';

export type { Notice };
export type NotificationTarget = NoticeTarget;

// The OS keeps notifications in its center long after they are shown; past this many, the oldest
// reference is dropped so the set cannot grow for the lifetime of a tray app.
const MAX_LIVE = 200;

/**
 * Shows notifications and holds each one until it is clicked or closed: Electron garbage-collects
 * an unreferenced Notification and its click handler with it (electron/electron#16922).
 */
export class NotificationCenter {
  private readonly live = new Set<NotificationHandle>();

  constructor(
    private readonly notifier: Notifier,
    private readonly onActivate: (target: NotificationTarget) => void,
    private readonly log: Logger,
  ) {}

  present(notice: Notice): boolean {
    if (!this.notifier.isSupported()) {
      this.log.warn(`notifications are not supported here; dropped "${notice.title}"`);
      return false;
    }
    const handle = this.notifier.show({ title: notice.title, body: notice.body, urgent: notice.urgent });
    this.live.add(handle);
    handle.onClick(() => {
      this.live.delete(handle);
      this.onActivate(notice.target);
    });
    handle.onClose(() => this.live.delete(handle));
    if (this.live.size > MAX_LIVE) {
      const oldest = this.live.values().next();
      if (!oldest.done) this.live.delete(oldest.value);
    }
    return true;
  }

  /** How many shown notifications are still referenced (for tests and diagnostics). */
  get liveCount(): number {
    return this.live.size;
  }
}
