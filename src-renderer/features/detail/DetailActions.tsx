import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../src-shared';
import { useUi, type DialogKind } from '../../state/ui-store';

/** What can be done at this stage; the archive is read-only. */
export function DetailActions(props: { referralId: string; stage: Stage }) {
  const { t } = useTranslation();
  const openDialog = useUi((s) => s.openDialog);
  const open = (kind: DialogKind) => openDialog({ kind, referralId: props.referralId });
  if (props.stage === 'archived') return <p className="muted">{t('detail.readOnly')}</p>;
  if (props.stage === 'received') {
    return (
      <div className="detail-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => open('accept')}
          aria-keyshortcuts="a"
        >
          {t('actions.accept')}
        </button>
        <button type="button" className="button" onClick={() => open('decline')} aria-keyshortcuts="d">
          {t('actions.decline')}
        </button>
      </div>
    );
  }
  return (
    <div className="detail-actions">
      <button type="button" className="button" onClick={() => open('editDeal')}>
        {t('actions.editDeal')}
      </button>
      <button type="button" className="button" onClick={() => open('addTeamMember')}>
        {t('actions.addTeamMember')}
      </button>
      <button type="button" className="button button-primary" onClick={() => open('markWon')}>
        {t('actions.markWon')}
      </button>
      <button type="button" className="button" onClick={() => open('markLost')}>
        {t('actions.markLost')}
      </button>
    </div>
  );
}
