import path from 'node:path';

/** The renderer's origin. IndexedDB belongs to it, so it can never change after a release. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'partner-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Maps an app:// request to a file inside the renderer build, or null when the URL is not ours
 * or tries to leave the build folder (`..`, encoded separators, another host).
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username || url.password) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;

  const root = path.resolve(rendererRoot);
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  const inside = file === root || file.startsWith(root + path.sep);
  return inside && file !== root ? file : null;
}
