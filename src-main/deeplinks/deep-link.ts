import { DEEP_LINK_SCHEME } from '../app-identity';

export interface DeepLink {
  kind: 'referral';
  referralId: string;
}

// Referral ids are UUIDs in practice; anything outside URL-unreserved characters is refused.
const REFERRAL_ID = /^[A-Za-z0-9._~-]{1,128}$/;

/** Parses partnerdesk://referral/<id>; anything else (other hosts, paths, credentials) is null. */
export function parseDeepLink(raw: string): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > 512) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (url.username || url.password || url.port) return null;
  if (url.hostname.toLowerCase() !== 'referral') return null;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [id] = segments;
  if (segments.length !== 1 || id === undefined || !REFERRAL_ID.test(id)) return null;
  return { kind: 'referral', referralId: id };
}

/**
 * The deep link in a command line (Windows and Linux pass it as an argument to the new process,
 * and Chromium may add switches of its own around it: electron/electron#20322).
 */
export function findDeepLink(argv: readonly string[]): DeepLink | null {
  for (const argument of argv) {
    if (!argument.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseDeepLink(argument);
    if (link) return link;
  }
  return null;
}
