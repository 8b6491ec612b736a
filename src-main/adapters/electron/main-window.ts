import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../../security/app-origin';
import type { QuitState } from '../../windows/quit-state';
import { MIN_SIZE } from '../../windows/window-state';
import type { RestoredBounds } from '../../windows/window-state';
import type { WindowStateKeeper } from '../../windows/window-state-keeper';

export interface MainWindowOptions {
  preloadPath: string;
  restored: RestoredBounds;
  keeper: WindowStateKeeper;
  quitState: QuitState;
  icon: string | undefined;
  /** The page is gone (reload, crash): pending navigation must wait for it again. */
  onPageGone: () => void;
}

/** The one application window: sandboxed, isolated, no Node, nothing but our own pages. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Partner Desk',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  if (options.restored.maximized) window.maximize();

  const remember = (): void => {
    if (!window.isDestroyed() && !window.isMinimized() && !window.isFullScreen()) {
      options.keeper.changed(window.getNormalBounds(), window.isMaximized());
    }
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);

  // Close-to-tray: the window hides and reminders keep coming from the tray, until a real quit.
  window.on('close', (event) => {
    remember();
    void options.keeper.flush();
    if (options.quitState.shouldHideOnClose()) {
      event.preventDefault();
      window.hide();
    }
  });
  // Windows logs off or shuts down: let the window close instead of hiding, or shutdown stalls.
  window.on('session-end', () => options.quitState.markQuitting());
  window.webContents.on('did-start-loading', options.onPageGone);
  window.webContents.on('render-process-gone', options.onPageGone);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Shows, restores and focuses a window (also the hidden close-to-tray one). */
export function showAndFocus(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
