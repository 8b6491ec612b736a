// Which links may leave the app for the system browser or mail client: https and mailto only,
// decided by parsing, never by string matching. The opener gets the parsed, normalized form.

export type ExternalUrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

const MAX_LENGTH = 4096;
// Control characters, spaces and backslashes have no place in a link we open; browsers and URL
// parsers disagree about them, which is how filter bypasses are built.
// eslint-disable-next-line no-control-regex
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\\]/;
// Some mail clients attach local files named in a mailto link (CVE-2020-12397 and friends).
const MAILTO_FORBIDDEN_FIELDS = new Set(['attach', 'attachment', 'attachments']);

export function checkExternalUrl(raw: string): ExternalUrlVerdict {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) {
    return { ok: false, reason: 'empty or too long' };
  }
  if (SUSPICIOUS.test(raw))
    return { ok: false, reason: 'contains whitespace, control characters or backslashes' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  // URL lowercases the scheme, so HTTPS: and MailTo: are judged like https: and mailto:.
  if (url.protocol === 'https:') return checkHttps(url);
  if (url.protocol === 'mailto:') return checkMailto(url);
  return { ok: false, reason: `scheme ${url.protocol} is not allowed` };
}

function checkHttps(url: URL): ExternalUrlVerdict {
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL' };
  const host = url.hostname;
  if (!host) return { ok: false, reason: 'no host' };
  // Internationalized hosts arrive as punycode; refused because a look-alike host (Cyrillic
  // "а" for Latin "a") cannot be told apart in the UI that showed the link.
  if (host.split('.').some((label) => label.startsWith('xn--'))) {
    return { ok: false, reason: 'internationalized host names are not opened' };
  }
  return { ok: true, url: url.href };
}

function checkMailto(url: URL): ExternalUrlVerdict {
  const address = decodeSafely(url.pathname);
  if (address === null || !/^[^@\s,;]+@[^@\s,;]+$/.test(address)) {
    return { ok: false, reason: 'mailto needs exactly one address' };
  }
  for (const field of url.searchParams.keys()) {
    if (MAILTO_FORBIDDEN_FIELDS.has(field.toLowerCase())) return { ok: false, reason: 'mailto attachments' };
  }
  return { ok: true, url: url.href };
}

function decodeSafely(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
