import i18next, { type i18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../../src-renderer/i18n';

/** A real i18next instance with the app's resources (the app's setup needs a browser). */
export async function i18nFor(lng: 'en' | 'fr' | 'sv'): Promise<{ instance: i18n; t: TFunction }> {
  const instance = i18next.createInstance();
  await instance
    .use(initReactI18next)
    .init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return { instance, t: instance.t };
}
