/**
 * Web mode: register the worker that caches the app shell, so that a reload while offline still
 * opens the app. The desktop app loads from app:// and needs none.
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  // Relative to the page (/app/), so the worker's scope is the UI and never the service's API.
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}
