import type { IpcSender } from '../ports/ipc-port';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** True only for a URL of our own origin, app://partner-desk, decided by parsing. */
export function isAppOriginUrl(raw: string | null): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * An IPC call is accepted only from the main frame of one of our windows showing our origin:
 * not an iframe, not devtools, not a page that navigated elsewhere, not file://.
 */
export function isTrustedSender(sender: IpcSender): boolean {
  return sender.isOwnWindow && sender.isMainFrame && isAppOriginUrl(sender.frameUrl);
}
