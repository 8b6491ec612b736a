import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import type { PendingPreview } from '../../db/visible';
import { useFormat } from '../format/use-format';
import { leadActionText } from '../list/lead-text';
import { intentLabel } from '../sync/issue-text';
import { Section } from './Section';
import { timelineOf, type TimelineEntry } from './activity';

function useEntryLabel() {
  const { t } = useTranslation();
  return (e: TimelineEntry): string => {
    switch (e.kind) {
      case 'created':
        return t('activity.created');
      case 'marketplace':
        return t('activity.marketplace', { action: leadActionText(t, e.what) || e.what });
      case 'accepted':
        return t('activity.accepted');
      case 'closed':
        return t('activity.closed', { outcome: e.what });
      case 'note':
        return t('activity.note');
      case 'audit':
        return intentLabel(t, e.what);
    }
  };
}

/** Who did what, when, from which device; late arrivals marked; this device's pending work on top. */
export function ActivityTimeline(props: { referral: Referral; pending: readonly PendingPreview[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useEntryLabel();
  const entries = timelineOf(props.referral);
  return (
    <Section title={t('detail.activity')}>
      <ol className="timeline">
        {props.pending.map((p) => (
          <li key={`p${p.seq}`} className="timeline-pending">
            <span className="timeline-what">{intentLabel(t, p.name)}</span>
            <span className="chip chip-pending">
              {p.expected === 'rejected' ? t('activity.willBeRejected') : t('activity.waiting')}
            </span>
          </li>
        ))}
        {entries.map((e) => (
          <li key={e.key}>
            <span className="timeline-what">
              {label(e)}
              {e.late && <span className="chip chip-late">{t('activity.late')}</span>}
            </span>
            <span className="muted small">
              {[
                f.dateTime(e.at),
                e.who,
                e.channel && t('activity.via', { channel: e.channel }),
                e.device && t('activity.device', { device: e.device.slice(0, 8) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {e.text && e.kind !== 'note' && <span className="small pre-wrap">{e.text}</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
