import path from 'node:path';
import { app, session } from 'electron';
import { contentSecurityPolicy } from '../../../src-shared/content-security-policy';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createMainWindow } from './main-window';

/** Starts the desktop shell: one instance, app:// renderer, every permission denied. */
export function startDesktopApp(options: { serviceOrigin: string | null }): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();

  const outDir = path.resolve(import.meta.dirname, '..');
  const rendererRoot = path.join(outDir, 'renderer');
  const preloadPath = path.join(outDir, 'preload', 'index.cjs');

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer(rendererRoot, contentSecurityPolicy(options.serviceOrigin));
    createMainWindow(preloadPath);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
