import type { TFunction } from 'i18next';
import { reasonLabel } from '../../../src-shared';

// What the user typed, as label/value lines (for the Sync issues screen and its Copy action).

const HIDDEN = new Set(['referralId', 'baseVersion', 'noteId']);
const KNOWN = [
  'name',
  'dealValue',
  'currency',
  'closingDate',
  'notes',
  'externalReferenceId',
  'campaignId',
  'reasonCode',
  'favorite',
  'text',
  'team',
  'member',
] as const;
type Known = (typeof KNOWN)[number];

function person(v: unknown): string {
  if (typeof v !== 'object' || v === null) return String(v);
  const m = v as Record<string, unknown>;
  const name = [m['firstName'], m['lastName']].filter((x) => typeof x === 'string' && x !== '').join(' ');
  return (
    [name, typeof m['email'] === 'string' ? m['email'] : ''].filter(Boolean).join(' <') +
    (name && m['email'] ? '>' : '')
  );
}

export function argLines(t: TFunction, args: unknown, locale: string): [string, string][] {
  if (typeof args !== 'object' || args === null) return [];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
    if (HIDDEN.has(key) || value === undefined) continue;
    if (key === 'fields') {
      out.push(...argLines(t, value, locale));
      continue;
    }
    const label = (KNOWN as readonly string[]).includes(key) ? t(`fields.${key as Known}`) : key;
    let text: string;
    if (key === 'reasonCode' && typeof value === 'number') text = reasonLabel(value, locale);
    else if (key === 'favorite') text = value ? t('detail.yes') : t('detail.no');
    else if (key === 'team' && Array.isArray(value)) text = value.map(person).join(', ');
    else if (key === 'member') text = person(value);
    else text = typeof value === 'string' ? value : JSON.stringify(value);
    out.push([label, text]);
  }
  return out;
}
