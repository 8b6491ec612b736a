import { useTranslation } from 'react-i18next';
import { formattersFor, type Formatters } from './formatters';

/** Intl formatters for the language the user picked. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.resolvedLanguage ?? i18n.language ?? 'en');
}
