import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { AccountMenu } from '../features/auth/AccountMenu';
import { ThemePicker } from '../features/settings/ThemePicker';
import { NotificationsButton } from '../features/settings/NotificationsButton';
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator';
import { useUi } from '../state/ui-store';

export function AppHeader() {
  const { t } = useTranslation();
  const openPanel = useUi((s) => s.openPanel);
  return (
    <header className="app-header">
      <h1 className="app-title">{t('app.title')}</h1>
      <SyncStatusIndicator />
      <div className="app-header-tools">
        <NotificationsButton />
        <button
          type="button"
          className="icon-button help-button"
          onClick={() => openPanel('shortcuts')}
          aria-keyshortcuts="?"
          aria-label={t('shortcuts.title')}
          title={t('shortcuts.title')}
        >
          ?
        </button>
        <LanguagePicker />
        <ThemePicker />
        <AccountMenu />
      </div>
    </header>
  );
}
