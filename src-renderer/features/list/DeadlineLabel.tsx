import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { deadlineInfo } from '../format/deadline';
import { useFormat } from '../format/use-format';

/** Time left to respond, coloured as the deadline nears; past it, the service has yet to expire it. */
export function DeadlineLabel(props: { referral: Referral; nowMs: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const info = deadlineInfo(props.referral, props.nowMs);
  if (!info) return null;
  const title = t('deadline.due', { date: f.dateTime(info.deadline) });
  if (info.level === 'overdue') {
    return (
      <span className="deadline deadline-overdue" title={title}>
        {t('deadline.overdue')}
      </span>
    );
  }
  return (
    <span className={`deadline deadline-${info.level}`} title={title}>
      {t('deadline.left', { time: f.duration(info.msLeft) })}
    </span>
  );
}
