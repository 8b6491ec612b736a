import path from 'node:path';
import { app, nativeImage, screen, session } from 'electron';
import type { BrowserWindow, WebContents } from 'electron';
import { contentSecurityPolicy } from '../../../src-shared/content-security-policy';
import { APP_ID, DEEP_LINK_SCHEME, LINUX_DESKTOP_FILE, PRODUCT_NAME } from '../../app-identity';
import { createDesktopServices } from '../../app/desktop-services';
import type { DesktopServices } from '../../app/desktop-services';
import type { ServiceConfig } from '../../config';
import { handoffData } from '../../deeplinks/instance-handoff';
import { registerIpcHandlers } from '../../ipc/ipc-router';
import type { TrayPort } from '../../ports/tray-port';
import { restoreBounds } from '../../windows/window-state';
import { WindowStateKeeper } from '../../windows/window-state-keeper';
import { NodeFileStore } from '../node/node-file-store';
import { consoleLogger, createSystemTimer, systemClock } from '../node/system-time';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createUpdaterPort } from './auto-updater';
import { createIpcMainPort, createRendererChannel } from './ipc-main';
import { createMainWindow, showAndFocus } from './main-window';
import {
  createBadge,
  createConsentPrompt,
  createNotifier,
  powerEvents,
  safeStorageCipher,
  shellOpener,
} from './system-ports';
import { createTrayPort, loadTrayIcons } from './tray-icon';
import { guardWebContents } from './web-contents-guard';

/** Starts the desktop shell: one instance, app:// renderer, every permission denied. */
export function startDesktopApp(config: ServiceConfig): void {
  const log = consoleLogger;
  // One name in development and in the installed app, so both use the same userData folder.
  app.setName(PRODUCT_NAME);
  // Windows shows toasts only for an AppUserModelId that matches the installer's appId.
  app.setAppUserModelId(APP_ID);
  if (process.platform === 'linux') app.setDesktopName(LINUX_DESKTOP_FILE);
  registerAppScheme();
  if (!app.requestSingleInstanceLock(handoffData(process.argv))) {
    app.quit();
    return;
  }
  registerProtocolClient();

  const outDir = path.resolve(import.meta.dirname, '..');
  const resourcesDir = app.isPackaged ? process.resourcesPath : path.resolve(outDir, '..', 'resources');
  const appIcon = path.join(resourcesDir, 'icons', 'icon.png');
  const timer = createSystemTimer();
  const files = new NodeFileStore(app.getPath('userData'));
  const keeper = new WindowStateKeeper(files, timer, log);

  let window: BrowserWindow | null = null;
  let services: DesktopServices | null = null;
  // Launch requests that arrive before the services exist (macOS open-url comes before ready).
  const early: ((s: DesktopServices) => void)[] = [];
  const whenServices = (task: (s: DesktopServices) => void): void =>
    services ? task(services) : void early.push(task);

  const isOwnWindow = (contents: WebContents): boolean =>
    window !== null && !window.isDestroyed() && contents === window.webContents;
  const openWindow = async (): Promise<void> => {
    if (!services) return;
    if (window && !window.isDestroyed()) return showAndFocus(window);
    const current = services;
    const restored = restoreBounds(
      await keeper.load(),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    window = createMainWindow({
      preloadPath: path.join(outDir, 'preload', 'index.cjs'),
      restored,
      keeper,
      quitState: current.quitState,
      icon: process.platform === 'linux' ? appIcon : undefined,
      onPageGone: () => current.navigation.pageGone(),
    });
    window.on('closed', () => (window = null));
  };

  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => void shellOpener.open(url), log),
  );
  app.on('open-url', (event, url) => {
    event.preventDefault();
    whenServices((s) => s.launch.openUrl(url));
  });
  app.on('second-instance', (_event, argv, _cwd, additionalData) =>
    whenServices((s) => s.launch.secondInstance(argv, additionalData)),
  );
  app.on('activate', () => void openWindow());
  app.on('before-quit', () => {
    services?.quitState.markQuitting();
    void keeper.flush();
  });
  app.on('window-all-closed', () => {
    // With a tray the window only hides; without one (or on a real quit) closing it ends the app.
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    denyAllPermissions();
    serveRenderer(path.join(outDir, 'renderer'), contentSecurityPolicy(config.serviceOrigin));
    services = await createDesktopServices({
      clock: systemClock,
      timer,
      log,
      files,
      notifier: createNotifier(process.platform === 'linux' ? appIcon : undefined),
      power: powerEvents,
      window: { showAndFocus: () => void openWindow() },
      cipher: safeStorageCipher,
      consent: createConsentPrompt(() => window),
      updater: createUpdaterPort(log),
      tray: createTray(path.join(resourcesDir, 'tray'), log),
      badge: createBadge(
        () => window,
        nativeImage.createFromPath(path.join(resourcesDir, 'tray', 'badge.png')),
      ),
      renderer: createRendererChannel(() => (window && !window.isDestroyed() ? window.webContents : null)),
      opener: shellOpener,
      quit: () => app.quit(),
      formatTime: (ms) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
      info: { platform: process.platform, version: app.getVersion(), serviceUrl: config.serviceUrl },
    });
    registerIpcHandlers(createIpcMainPort(isOwnWindow), services.handlers, log);
    services.launch.firstLaunch(process.argv);
    for (const task of early.splice(0)) task(services);
    await openWindow();
    services.start();
  });
}

function registerProtocolClient(): void {
  // Unpackaged (electron .), the OS must start electron with our entry script as its argument.
  const script = process.argv[1];
  if (process.defaultApp && script) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(script)]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
}

function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function createTray(directory: string, log: typeof consoleLogger): TrayPort | null {
  try {
    return createTrayPort(loadTrayIcons(directory));
  } catch (error) {
    log.warn(`no tray on this desktop: ${String(error)}`);
    return null;
  }
}
