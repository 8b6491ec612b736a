import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveOutcomeOf, contactMeActive, stageOf } from '../../../src-shared';
import type { VisibleReferral } from '../../db/visible';
import { useFormat } from '../format/use-format';
import { DeadlineLabel } from './DeadlineLabel';
import { FavoriteButton } from './FavoriteButton';
import { FlameIcon, PendingIcon } from './icons';
import { contactName, customerName, originText, qualificationLabel } from './lead-text';

interface Props {
  item: VisibleReferral;
  selected: boolean;
  nowMs: number;
  /** Show the stage (lists that mix stages: Favorites, search results). */
  showStage: boolean;
  onSelect: (id: string) => void;
}

/** One referral in the list: who, where from, how urgent, and whether it waits to sync. */
export const LeadRow = memo(function LeadRow({ item, selected, nowMs, showStage, onSelect }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = item.referral;
  const stage = stageOf(r);
  const outcome = archiveOutcomeOf(r);
  const customer = customerName(r) || t('list.unnamed');
  const contact = contactName(r);
  const flame = contactMeActive(r, new Date(nowMs).toISOString());
  const pending = item.pending.length > 0;
  return (
    <div className={`lead-row${selected ? ' lead-row-selected' : ''}`} data-referral-id={r.id}>
      <FavoriteButton referralId={r.id} favorite={r.favorite} customer={customer} />
      <button
        type="button"
        className="lead-row-main"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(r.id)}
      >
        <span className="lead-row-who">
          <span className="lead-row-customer">{customer}</span>
          {contact && <span className="lead-row-contact">{contact}</span>}
          {r.marketplace?.isTest && <span className="chip chip-test">{t('list.test')}</span>}
        </span>
        <span className="lead-row-origin">
          {originText(t, r)}
          <span className="chip">{qualificationLabel(t, r.qualification)}</span>
        </span>
      </button>
      <span className="lead-row-status">
        {flame && (
          <span className="flame" title={t('list.contactMe')} role="img" aria-label={t('list.contactMe')}>
            <FlameIcon />
          </span>
        )}
        {showStage && (
          <span className={`chip chip-stage chip-${outcome ?? stage}`}>
            {outcome ? t(`outcomes.${outcome}`) : t(`stage.${stage}`)}
          </span>
        )}
        {stage === 'received' && <DeadlineLabel referral={r} nowMs={nowMs} />}
        {stage === 'accepted' && (
          <span className="lead-row-deal">
            {f.money(r.details.dealValue, r.details.currency)}
            {r.details.closingDateTime && (
              <span className="muted"> · {f.calendarDate(r.details.closingDateTime)}</span>
            )}
          </span>
        )}
        {stage === 'archived' && !showStage && (
          <span className="muted">
            {outcome ? t(`outcomes.${outcome}`) : r.substatus} ·{' '}
            {f.date(r.closedDateTime ?? r.updatedDateTime)}
          </span>
        )}
        {pending && (
          <span
            className="pending-marker"
            title={t('list.pending')}
            role="img"
            aria-label={t('list.pending')}
          >
            <PendingIcon />
          </span>
        )}
      </span>
    </div>
  );
});

export function LeadRowPlaceholder() {
  return <div className="lead-row lead-row-placeholder" aria-hidden="true" />;
}
