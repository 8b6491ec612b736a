// Composition root of the Electron main process: wiring only.
import { startDesktopApp } from './adapters/electron/desktop-app';

startDesktopApp({ serviceOrigin: process.env['PARTNER_DESK_SERVICE_URL'] ?? 'http://127.0.0.1:4870' });
