export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/** electron-updater's autoUpdater, behind a port. */
export interface UpdaterPort {
  /** False in a development build (nothing to update) or where the platform has no updater. */
  isSupported(): boolean;
  check(): Promise<void>;
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}
