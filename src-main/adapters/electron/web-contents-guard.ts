import type { WebContents } from 'electron';
import type { Logger } from '../../ports/clock';
import { checkExternalUrl } from '../../security/external-url';

/**
 * Applied to every webContents the app ever creates: no navigation, no redirects, no <webview>,
 * no new windows. A link the user clicked opens in the system browser when the guard allows it.
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  log: Logger,
): void {
  const leave = (url: string): void => {
    const verdict = checkExternalUrl(url);
    if (verdict.ok) openExternal(verdict.url);
    else log.warn(`refused to open ${url.slice(0, 200)}: ${verdict.reason}`);
  };
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    if (event.isMainFrame) leave(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
}
