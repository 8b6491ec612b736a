import { pauseEnd } from '../../src-shared/ipc/notices';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  notificationPreferencesSchema,
} from '../../src-shared/ipc/schemas';
import type { NotificationPreferences, NotificationSettings } from '../../src-shared/ipc/schemas';
import type { Clock, Logger } from '../ports/clock';
import type { FileStore } from '../ports/file-store';
import { JsonFile } from '../persistence/json-file';

/** Notification preferences, persisted in userData; listeners hear every change. */
export class PreferencesStore {
  private listeners = new Set<(preferences: NotificationPreferences) => void>();

  private constructor(
    private current: NotificationPreferences,
    private readonly file: JsonFile<NotificationPreferences>,
    private readonly clock: Clock,
  ) {}

  static async open(files: FileStore, clock: Clock, log: Logger): Promise<PreferencesStore> {
    const file = new JsonFile(files, 'notification-preferences.json', notificationPreferencesSchema, log);
    return new PreferencesStore(await file.read(DEFAULT_NOTIFICATION_PREFERENCES), file, clock);
  }

  get(): NotificationPreferences {
    return this.current;
  }

  /** The instant the pause ends, or null when notifications are not paused now. */
  pausedUntil(): number | null {
    return pauseEnd(this.current, this.clock.now());
  }

  update(settings: NotificationSettings): Promise<NotificationPreferences> {
    return this.save({ ...settings, pausedUntil: this.current.pausedUntil });
  }

  pause(minutes: number): Promise<NotificationPreferences> {
    const until = new Date(this.clock.now() + minutes * 60_000).toISOString();
    return this.save({ ...this.current, pausedUntil: until });
  }

  resume(): Promise<NotificationPreferences> {
    return this.save({ ...this.current, pausedUntil: null });
  }

  subscribe(listener: (preferences: NotificationPreferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async save(next: NotificationPreferences): Promise<NotificationPreferences> {
    this.current = next;
    await this.file.write(next);
    for (const listener of this.listeners) listener(next);
    return next;
  }
}

export { DEFAULT_NOTIFICATION_PREFERENCES, pauseEnd };
