/** Where the desktop app finds the referral service: PARTNER_DESK_SERVICE_URL, else the local default. */
export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:4870';

export interface ServiceConfig {
  serviceUrl: string;
  /** For the CSP's connect-src: scheme, host and port only. */
  serviceOrigin: string;
}

/** An invalid or non-http(s) value falls back to the default rather than opening the CSP wide. */
export function resolveServiceConfig(env: Readonly<Record<string, string | undefined>>): ServiceConfig {
  const raw = env['PARTNER_DESK_SERVICE_URL']?.trim();
  const parsed = parse(raw) ?? parse(DEFAULT_SERVICE_URL);
  if (!parsed) throw new Error('unreachable: the default service URL is valid');
  return { serviceUrl: parsed.href.replace(/\/$/, ''), serviceOrigin: parsed.origin };
}

function parse(raw: string | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url;
  } catch {
    return null;
  }
}
