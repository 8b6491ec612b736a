// Composition root of the Electron main process: wiring only.
import { startDesktopApp } from './adapters/electron/desktop-app';
import { resolveServiceConfig } from './config';

startDesktopApp(resolveServiceConfig(process.env));
