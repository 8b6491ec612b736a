import { z } from 'zod';

// Partner Center's bulk-format reason codes, shared by Decline and Lost.
export const REASON_CODES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const ReasonCodeSchema = z.literal(REASON_CODES);

export const LOCALES = ['en', 'fr', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

export const REASON_LABELS: Readonly<Record<Locale, Readonly<Record<ReasonCode, string>>>> = {
  en: {
    1: 'Budget insufficient',
    2: 'Customer not responsive',
    3: 'Customer chose another vendor',
    4: 'Requirements not met',
    5: 'Not a customer',
    6: 'Timeline too short',
    7: 'Abuse, spam or phishing',
    8: 'Other',
  },
  fr: {
    1: 'Budget insuffisant',
    2: 'Le client ne répond pas',
    3: 'Le client a choisi un autre fournisseur',
    4: 'Exigences non satisfaites',
    5: 'Pas un client',
    6: 'Délai trop court',
    7: 'Abus, spam ou hameçonnage',
    8: 'Autre',
  },
  sv: {
    1: 'Otillräcklig budget',
    2: 'Kunden svarar inte',
    3: 'Kunden valde en annan leverantör',
    4: 'Kraven uppfylls inte',
    5: 'Inte en kund',
    6: 'För kort tidsram',
    7: 'Missbruk, skräppost eller nätfiske',
    8: 'Annat',
  },
};

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'number' && (REASON_CODES as readonly number[]).includes(value);
}

/** `fr-FR`, `sv_SE`, `FR` → the supported language; anything else falls back to English. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/** The label of a reason code; an unknown code is shown as its number rather than hidden. */
export function reasonLabel(code: number, locale: string = 'en'): string {
  if (!isReasonCode(code)) return String(code);
  return REASON_LABELS[resolveLocale(locale)][code];
}
