import { app, dialog, Notification, powerMonitor, safeStorage, shell } from 'electron';
import type { BrowserWindow, NativeImage } from 'electron';
import type { NotificationHandle, Notifier } from '../../ports/notifier';
import type { PowerEvents } from '../../ports/power-events';
import type { ConsentPrompt, SecretBackend, SecretCipher } from '../../ports/secret-cipher';
import type { ExternalOpener } from '../../ports/shell-port';
import type { BadgePort } from '../../ports/tray-port';

export function createNotifier(icon: string | undefined): Notifier {
  return {
    isSupported: () => Notification.isSupported(),
    show(request): NotificationHandle {
      const notification = new Notification({
        title: request.title,
        body: request.body,
        urgency: request.urgent ? 'critical' : 'normal',
        timeoutType: request.urgent ? 'never' : 'default',
        ...(icon ? { icon } : {}),
      });
      const closeListeners: (() => void)[] = [];
      notification.on('close', () => closeListeners.forEach((listener) => listener()));
      // Windows reports a toast that could not be shown as 'failed': release it like a closed one.
      notification.on('failed', () => closeListeners.forEach((listener) => listener()));
      const handle: NotificationHandle & { notification: Notification } = {
        // The handle references the Notification: as long as NotificationCenter holds the handle,
        // the Notification and its click listener stay alive.
        notification,
        onClick: (listener) => void notification.on('click', listener),
        onClose: (listener) => void closeListeners.push(listener),
      };
      notification.show();
      return handle;
    },
  };
}

export const powerEvents: PowerEvents = {
  onResume(listener) {
    powerMonitor.on('resume', listener);
    powerMonitor.on('unlock-screen', listener);
    return () => {
      powerMonitor.off('resume', listener);
      powerMonitor.off('unlock-screen', listener);
    };
  },
};

export const safeStorageCipher: SecretCipher = {
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  backend: (): SecretBackend =>
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
  encrypt: async (plainText) => new Uint8Array(await safeStorage.encryptStringAsync(plainText)),
  decrypt: async (data) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
    return { plainText: result, shouldReEncrypt };
  },
};

export function createConsentPrompt(parent: () => BrowserWindow | null): ConsentPrompt {
  return {
    async allowPlainTextStorage() {
      const options = {
        type: 'warning' as const,
        buttons: ['Keep me signed in for this session only', 'Store it anyway'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        title: 'No keyring found',
        message: 'Partner Desk cannot encrypt your sign-in on this computer.',
        detail:
          'No system keyring (GNOME Keyring, KWallet) is available, so the sign-in would be stored only ' +
          'obfuscated, readable by anyone who can read your files. If you do not store it, you sign in ' +
          'again each time Partner Desk starts.',
      };
      const window = parent();
      const { response } = window
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options);
      return response === 1;
    },
  };
}

export const shellOpener: ExternalOpener = {
  open: (url) => shell.openExternal(url, { activate: true }),
};

/**
 * The count on the dock (macOS) or launcher (Linux, Unity LauncherEntry); Windows has no app
 * badge, so the taskbar button gets an overlay icon instead.
 */
export function createBadge(window: () => BrowserWindow | null, overlay: NativeImage | null): BadgePort {
  return {
    setCount(count) {
      if (process.platform === 'win32') {
        const target = window();
        if (target && !target.isDestroyed()) {
          target.setOverlayIcon(count > 0 ? overlay : null, count > 0 ? `${count} awaiting a response` : '');
        }
        return;
      }
      app.setBadgeCount(count);
    },
  };
}
