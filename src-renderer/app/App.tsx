import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader';
import { TabBar } from './TabBar';

/** The app shell: a header and the lead tabs above the workspace. */
export function App() {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <AppHeader />
      <TabBar />
      <main className="workspace" aria-label={t('workspace.label')} />
    </div>
  );
}
