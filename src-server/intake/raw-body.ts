// Reading an intake body ourselves (not through Fastify's JSON parser): whatever arrives must end
// as a referral, a merge or a dead letter, never as a 400 that Microsoft will not retry.

export type DecodeResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'empty_body' | 'unsupported_content_type' | 'invalid_json' | 'too_deep' };

// Postgres jsonb refuses \u0000 and lone surrogates; deeper nesting than this is not a lead.
const MAX_DEPTH = 64;

class TooDeep extends Error {}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const cleanText = (s: string): string => s.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');

/** A copy storable as jsonb: NULs and lone surrogates replaced by U+FFFD, depth bounded. */
export function storableJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map((item) => storableJson(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      // defineProperty: a `__proto__` key stays data, it never becomes the prototype.
      Object.defineProperty(out, cleanText(key), {
        value: storableJson(child, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** Content types a JSON lead may come with; anything else is kept as a dead letter. */
export function isJsonish(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type === '' ||
    type === 'application/json' ||
    type === 'text/json' ||
    type === 'text/plain' ||
    /^application\/[\w.-]+\+json$/.test(type)
  );
}

export function utf8Text(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeLeadBody(bytes: Buffer, contentType: string): DecodeResult {
  if (!isJsonish(contentType)) return { ok: false, reason: 'unsupported_content_type' };
  const text = utf8Text(bytes);
  if (text === null) return { ok: false, reason: 'invalid_json' };
  if (text.trim() === '') return { ok: false, reason: 'empty_body' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  try {
    return { ok: true, value: storableJson(parsed) };
  } catch (error) {
    if (error instanceof TooDeep || error instanceof RangeError) return { ok: false, reason: 'too_deep' };
    throw error;
  }
}

/** The text column of a dead letter: valid UTF-8 without NUL (Postgres text refuses it), else null. */
export function deadLetterText(bytes: Buffer): string | null {
  const text = utf8Text(bytes);
  return text === null || text.includes('\u0000') ? null : text;
}
