import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { archiveOutcomeOf, reasonLabel } from '../../../src-shared';
import { useFormat } from '../format/use-format';
import { Facts, Section } from './Section';
import { PeopleList } from './PeopleList';

export function DealSection({ referral: r }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const outcome = archiveOutcomeOf(r);
  const reason = r.reasonCode !== null ? reasonLabel(r.reasonCode, i18n.resolvedLanguage) : '';
  return (
    <>
      <Section title={t('detail.deal')}>
        <Facts
          items={[
            [t('deal.name'), r.name],
            [t('deal.value'), f.money(r.details.dealValue, r.details.currency)],
            [t('deal.closingDate'), f.calendarDate(r.details.closingDateTime)],
            [t('deal.crmId'), r.externalReferenceId],
            [t('deal.campaignId'), r.campaignId],
            [t('detail.acceptedAt'), f.dateTime(r.acceptedDateTime)],
            [
              t('detail.closedAt'),
              outcome ? `${t(`outcomes.${outcome}`)} · ${f.dateTime(r.closedDateTime)}` : '',
            ],
            [t('dialogs.reason'), reason],
            [t('detail.statusReason'), r.statusReason],
            [t('deal.notes'), r.details.notes ? <span className="pre-wrap">{r.details.notes}</span> : ''],
          ]}
        />
      </Section>
      <Section title={t('detail.team')}>
        <PeopleList people={r.team} empty={t('detail.noTeam')} />
      </Section>
    </>
  );
}
