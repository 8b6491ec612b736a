import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TABS, type Tab } from '../../../src-shared';
import { useUi } from '../../state/ui-store';
import { useFormat } from '../format/use-format';
import type { PipelineData } from './pipeline-data';
import { CHART_COLORS, ChartCard } from './ChartCard';

/** Received referrals whose response deadline falls in the next seven days. */
export function ExpiringChart({ data }: { data: PipelineData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const showList = useUi((s) => s.showList);
  const dayFmt = new Intl.DateTimeFormat(f.locale, { weekday: 'short', day: 'numeric' });
  const rows = data.expiring.map((d) => ({ ...d, label: dayFmt.format(new Date(`${d.day}T12:00:00`)) }));
  // The click goes to the tab with the most of them, sorted by deadline.
  const busiest: Tab =
    [...TABS].sort((a, b) => data.expiringByTab[b] - data.expiringByTab[a])[0] ?? 'marketplace';
  const open = (tab: Tab = busiest) => showList({ tab, stage: 'received', sort: 'deadline' });
  return (
    <ChartCard
      title={t('pipeline.expiring')}
      summary={t('pipeline.expiringSummary', { count: data.expiringTotal })}
      links={TABS.filter((tab) => data.expiringByTab[tab] > 0).map((tab) => (
        <button key={tab} type="button" className="link-button" onClick={() => open(tab)}>
          {t('pipeline.showExpiring', { tab: t(`tabs.${tab}`), count: data.expiringByTab[tab] })}
        </button>
      ))}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Bar
            isAnimationActive={false}
            dataKey="count"
            name={t('pipeline.expiringCount')}
            fill={CHART_COLORS.expiring}
            cursor="pointer"
            onClick={() => open()}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
