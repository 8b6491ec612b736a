import type { en } from './locales/en';

// Typed keys: `t('tabs.cosell')` is checked against the English source at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
