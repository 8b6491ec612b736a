import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../../ports/clock';
import type { UpdaterEvent, UpdaterPort } from '../../ports/updater-port';

/** electron-updater behind the port. electron-updater is CommonJS: default import from ESM. */
export function createUpdaterPort(log: Logger): UpdaterPort {
  const listeners: ((event: UpdaterEvent) => void)[] = [];
  const emit = (event: UpdaterEvent): void => listeners.forEach((listener) => listener(event));
  // Only a packaged app updates; electron-updater also knows when it cannot (Linux outside an
  // AppImage or deb, a snap).
  if (!app.isPackaged || !electronUpdater.autoUpdater.isUpdaterActive()) {
    return {
      isSupported: () => false,
      check: async () => undefined,
      quitAndInstall: () => undefined,
      onEvent: () => undefined,
    };
  }

  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (m) => log.info(String(m)),
    warn: (m) => log.warn(String(m)),
    error: (m) => log.error(String(m)),
    debug: () => undefined,
  };
  autoUpdater.autoDownload = true;
  // Installing waits for the user's consent (the banner); never silently on quit.
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.on('checking-for-update', () => emit({ type: 'checking' }));
  autoUpdater.on('update-available', (info) => emit({ type: 'available', version: info.version }));
  autoUpdater.on('update-not-available', () => emit({ type: 'not-available' }));
  autoUpdater.on('download-progress', (progress) => emit({ type: 'progress', percent: progress.percent }));
  autoUpdater.on('update-downloaded', (info) => emit({ type: 'downloaded', version: info.version }));
  autoUpdater.on('error', (error) => emit({ type: 'error', message: error.message }));
  return {
    isSupported: () => true,
    check: async () => {
      await autoUpdater.checkForUpdates();
    },
    // Not silent (the installer shows progress); relaunch Partner Desk afterwards.
    quitAndInstall: () => autoUpdater.quitAndInstall(false, true),
    onEvent: (listener) => void listeners.push(listener),
  };
}
