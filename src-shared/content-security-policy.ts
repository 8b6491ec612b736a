/**
 * The renderer's Content-Security-Policy, sent as a header by the Electron shell (app://) and by
 * the service in web mode. `connect-src` admits only the configured service origin, because the
 * sync engine is the only code that talks to the network.
 */
export function contentSecurityPolicy(serviceOrigin: string | null): string {
  const connect = serviceOrigin ? `'self' ${serviceOrigin}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src 'self'`,
    `worker-src 'self' blob:`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${connect}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
