import { useTranslation } from 'react-i18next';
import { archiveOutcomeOf, contactMeActive, stageOf } from '../../../src-shared';
import { useReferral } from '../../db/hooks';
import { useUi } from '../../state/ui-store';
import { useNow } from '../format/use-now';
import { DeadlineLabel } from '../list/DeadlineLabel';
import { FavoriteButton } from '../list/FavoriteButton';
import { FlameIcon } from '../list/icons';
import { contactName, customerName } from '../list/lead-text';
import { ActivityTimeline } from './ActivityTimeline';
import { CustomerSection } from './CustomerSection';
import { DealSection } from './DealSection';
import { DetailActions } from './DetailActions';
import { LeadSourceSection } from './LeadSourceSection';
import { NotesSection } from './NotesSection';

/** Everything about the selected referral, with the actions its stage allows. */
export function DetailPane() {
  const { t } = useTranslation();
  const selectedId = useUi((s) => s.selectedId);
  const select = useUi((s) => s.select);
  const visible = useReferral(selectedId);
  const nowMs = useNow();
  if (!selectedId) {
    return (
      <aside className="detail detail-empty" aria-label={t('detail.label')}>
        <p className="muted">{t('detail.nothingSelected')}</p>
      </aside>
    );
  }
  if (visible === undefined)
    return <aside className="detail" aria-label={t('detail.label')} aria-busy="true" />;
  if (visible === null) {
    return (
      <aside className="detail detail-empty" aria-label={t('detail.label')}>
        <p className="muted">{t('detail.gone')}</p>
      </aside>
    );
  }
  const r = visible.referral;
  const stage = stageOf(r);
  const outcome = archiveOutcomeOf(r);
  const customer = customerName(r) || t('list.unnamed');
  const flame = contactMeActive(r, new Date(nowMs).toISOString());
  return (
    <aside className="detail" aria-label={t('detail.label')}>
      <header className="detail-header">
        <button type="button" className="button button-quiet detail-back" onClick={() => select(null)}>
          {t('detail.back')}
        </button>
        <div className="detail-title">
          <FavoriteButton referralId={r.id} favorite={r.favorite} customer={customer} />
          <div>
            <h2>{customer}</h2>
            <p className="muted">
              {[contactName(r), r.name !== customer ? r.name : ''].filter(Boolean).join(' · ')}
            </p>
          </div>
        </div>
        <div className="detail-status">
          <span className={`chip chip-stage chip-${outcome ?? stage}`}>
            {outcome ? t(`outcomes.${outcome}`) : t(`stage.${stage}`)}
          </span>
          {stage === 'received' && <DeadlineLabel referral={r} nowMs={nowMs} />}
        </div>
        {flame && (
          <p className="banner banner-flame">
            <FlameIcon /> {t('detail.contactMe')}
          </p>
        )}
        {visible.pending.length > 0 && (
          <p className="banner banner-pending" role="status">
            {t('detail.pending', { count: visible.pending.length })}
          </p>
        )}
        <DetailActions referralId={r.id} stage={stage} />
      </header>
      <div className="detail-body">
        <CustomerSection referral={r} />
        <LeadSourceSection referral={r} />
        <DealSection referral={r} />
        <NotesSection key={r.id} referral={r} />
        <ActivityTimeline referral={r} pending={visible.pending} />
      </div>
    </aside>
  );
}
