import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupI18n } from './i18n';
import { getDesktopBridge } from './bridge';
import { bridgeVault } from './features/auth/bridge-vault';
import { createSessionManager } from './features/auth/session';
import { applyTheme, savedTheme } from './features/settings/theme';
import { registerOfflineShell } from './features/settings/offline-shell';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Partner Desk: #root is missing from index.html');

applyTheme(savedTheme());
registerOfflineShell();
await setupI18n();
const bridge = getDesktopBridge();
const manager = createSessionManager(bridgeVault(bridge));
const info = await bridge.getDesktopInfo();
const serviceUrl = info.ok ? info.value.serviceUrl : null;
await manager.restore();
createRoot(container).render(
  <StrictMode>
    <App manager={manager} defaultServiceUrl={serviceUrl} />
  </StrictMode>,
);
