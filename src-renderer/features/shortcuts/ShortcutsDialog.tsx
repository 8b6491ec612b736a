import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../dialogs/Dialog';
import { SHORTCUTS } from './use-shortcuts';

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const closePanel = useUi((s) => s.closePanel);
  return (
    <Dialog title={t('shortcuts.title')} onClose={closePanel}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="fact">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`shortcuts.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={closePanel} autoFocus>
          {t('dialogs.close')}
        </button>
      </div>
    </Dialog>
  );
}
