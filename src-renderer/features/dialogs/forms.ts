import type { Referral } from '../../../src-shared';
import { EDITABLE_DEAL_FIELDS, type EditableDealField } from '../../../src-shared';

// Form values are strings (what inputs hold, and what a draft stores); these turn them into the
// argument shapes of the shared schemas. Empty optional text is left out rather than sent as ''.

export interface MemberForm {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
}

export const emptyMember = (): MemberForm => ({ firstName: '', lastName: '', email: '', phoneNumber: '' });

export interface DealForm {
  name: string;
  dealValue: string;
  currency: string;
  closingDate: string;
  notes: string;
  externalReferenceId: string;
  campaignId: string;
}

export interface AcceptForm extends DealForm {
  team: MemberForm[];
}

/** "12 500,50", "12,500.50", "12500" → a number; '' → undefined; anything else → NaN. */
export function parseAmount(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  // The later separator is the decimal one; the other groups thousands.
  const normalized = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export function memberArgs(m: MemberForm) {
  return {
    firstName: m.firstName.trim(),
    lastName: m.lastName.trim(),
    email: m.email.trim(),
    phoneNumber: m.phoneNumber.trim(),
  };
}

const isBlank = (m: MemberForm) => Object.values(m).every((v) => v.trim() === '');

export function acceptArgs(referralId: string, f: AcceptForm) {
  const team = f.team.filter((m) => !isBlank(m)).map(memberArgs);
  return {
    referralId,
    name: f.name.trim(),
    dealValue: parseAmount(f.dealValue),
    currency: f.currency,
    closingDate: f.closingDate || undefined,
    notes: opt(f.notes),
    externalReferenceId: opt(f.externalReferenceId),
    campaignId: opt(f.campaignId),
    team: team.length > 0 ? team : undefined,
  };
}

/** The raw values at the same paths as acceptArgs, for "empty" versus "wrong" messages. */
export function acceptRaw(f: AcceptForm) {
  return { ...f, team: f.team.filter((m) => !isBlank(m)) };
}

export function dealFormOf(r: Referral, fallbackCurrency: string): DealForm {
  return {
    name: r.name,
    dealValue: r.details.dealValue === null ? '' : String(r.details.dealValue),
    currency: r.details.currency || fallbackCurrency,
    closingDate: r.details.closingDateTime ?? '',
    notes: r.details.notes,
    externalReferenceId: r.externalReferenceId,
    campaignId: r.campaignId,
  };
}

/** Only the fields the user changed, so an edit never overwrites someone else's change to another. */
export function changedDealFields(before: DealForm, after: DealForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of EDITABLE_DEAL_FIELDS as readonly EditableDealField[]) {
    if (before[field].trim() === after[field].trim()) continue;
    if (field === 'dealValue') out[field] = parseAmount(after.dealValue);
    else if (field === 'closingDate') out[field] = after.closingDate || undefined;
    else out[field] = after[field].trim();
  }
  return out;
}

export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'SEK',
  'NOK',
  'DKK',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'INR',
  'BRL',
  'MXN',
  'ZAR',
  'SGD',
] as const;

/** A sensible default currency for the user's language and region. */
export function defaultCurrency(locale: string): string {
  const lang = typeof navigator === 'undefined' ? '' : navigator.language;
  const region = (lang.split('-')[1] ?? '').toUpperCase();
  if (region === 'SE') return 'SEK';
  if (region === 'GB') return 'GBP';
  if (locale === 'sv') return 'SEK';
  if (locale === 'fr') return 'EUR';
  return 'USD';
}
