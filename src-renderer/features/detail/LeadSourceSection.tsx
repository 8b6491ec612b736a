import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { useFormat } from '../format/use-format';
import { leadActionText, leadSourceName, originText, qualificationLabel } from '../list/lead-text';
import { Facts, Section } from './Section';

/** Where the referral came from: the decoded LeadSource and every merged marketplace action. */
export function LeadSourceSection({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = r.marketplace;
  const by = r.inviteContext?.invitedBy;
  return (
    <Section title={t('detail.source')}>
      {m ? (
        <>
          <Facts
            items={[
              [t('detail.sourceName'), leadSourceName(t, m.leadSource.source)],
              [t('detail.action'), leadActionText(t, m.leadSource.action)],
              [t('detail.offer'), m.leadSource.offer ?? ''],
              [t('detail.publisher'), m.leadSource.publisherId ?? ''],
              [t('detail.rawSource'), <code key="raw">{m.leadSource.raw}</code>],
              [t('detail.testLead'), m.isTest ? t('detail.yes') : ''],
            ]}
          />
          <h4>{t('detail.marketplaceActions', { count: m.actions.length })}</h4>
          <ol className="actions-list">
            {m.actions.map((a, i) => (
              <li key={`${a.action}-${a.receivedAt}-${i}`}>
                <strong>{leadActionText(t, a.action) || a.leadSource}</strong>{' '}
                <span className="muted">{f.dateTime(a.receivedAt)}</span>
                {a.description && <p className="pre-wrap">{a.description}</p>}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <Facts
          items={[
            [t('detail.origin'), originText(t, r)],
            [t('detail.qualification'), qualificationLabel(t, r.qualification)],
            [t('detail.type'), r.type],
            [t('detail.direction'), r.direction],
            [t('detail.invitedBy'), by?.organizationName ?? ''],
            [
              t('detail.inviteNotes'),
              r.inviteContext?.notes ? <span className="pre-wrap">{r.inviteContext.notes}</span> : '',
            ],
          ]}
        />
      )}
    </Section>
  );
}
