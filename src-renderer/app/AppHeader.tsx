import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../i18n/LanguagePicker';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-title">{t('app.title')}</h1>
      <div className="app-header-tools">
        <LanguagePicker />
      </div>
    </header>
  );
}
