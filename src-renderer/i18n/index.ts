import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { sv } from './locales/sv';

export const LANGUAGES = ['en', 'fr', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];
export const resources = { en: { translation: en }, fr: { translation: fr }, sv: { translation: sv } };

const STORAGE_KEY = 'partner-desk.language';

/** The saved choice, else the first of the user's languages we speak, else English. */
export function initialLanguage(saved: string | null, preferred: readonly string[]): Language {
  const candidates = [saved, ...preferred].filter((l): l is string => Boolean(l));
  for (const candidate of candidates) {
    const base = candidate.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((l) => l === base);
    if (match) return match;
  }
  return 'en';
}

export async function setupI18n(instance: i18n = i18next): Promise<i18n> {
  const language = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (lng) => {
    localStorage.setItem(STORAGE_KEY, lng);
    document.documentElement.lang = lng;
  });
  return instance;
}
