import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupI18n } from './i18n';
import { createSessionManager, localVault } from './features/auth/session';
import { applyTheme, savedTheme } from './features/settings/theme';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Partner Desk: #root is missing from index.html');

applyTheme(savedTheme());
await setupI18n();
const manager = createSessionManager(localVault());
await manager.restore();
createRoot(container).render(
  <StrictMode>
    <App manager={manager} />
  </StrictMode>,
);
