import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupI18n } from './i18n';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('Partner Desk: #root is missing from index.html');

await setupI18n();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
