import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { Facts, Section } from './Section';
import { PeopleList } from './PeopleList';

export function CustomerSection({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const a = r.customerProfile.address;
  const address = [
    a.addressLine1,
    a.addressLine2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.state,
    a.country,
  ]
    .filter(Boolean)
    .join(', ');
  const duns = r.customerProfile.ids.find((i) => i.profileType.toLowerCase() === 'duns')?.id ?? '';
  const yesNo = (v: boolean) => (v ? t('detail.yes') : t('detail.no'));
  return (
    <>
      <Section title={t('detail.customer')}>
        <Facts
          items={[
            [t('detail.company'), r.customerProfile.name],
            [t('detail.address'), address],
            [t('detail.size'), r.customerProfile.size],
            [t('detail.duns'), duns],
          ]}
        />
        <h4>{t('detail.contacts')}</h4>
        <PeopleList people={r.customerProfile.team} empty={t('detail.noContacts')} />
      </Section>
      <Section title={t('detail.consent')}>
        <Facts
          items={[
            [t('detail.consentContact'), yesNo(r.consent.consentToContact)],
            [t('detail.consentShare'), yesNo(r.consent.consentToToShareInfoWithOthers)],
          ]}
        />
      </Section>
    </>
  );
}
