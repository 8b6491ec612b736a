import { useTranslation } from 'react-i18next';

/** The lead tabs; empty until the client store provides the tabs and their counts. */
export function TabBar() {
  const { t } = useTranslation();
  return <nav className="tab-bar" role="tablist" aria-label={t('tabs.label')} />;
}
