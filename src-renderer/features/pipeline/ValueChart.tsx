import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useUi } from '../../state/ui-store';
import { useFormat } from '../format/use-format';
import type { PipelineData } from './pipeline-data';
import { CHART_COLORS, ChartCard } from './ChartCard';

export function ValueChart({ data }: { data: PipelineData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const showList = useUi((s) => s.showList);
  const monthFmt = new Intl.DateTimeFormat(f.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const rows = data.months.map((m) => ({
    ...m,
    label: monthFmt.format(new Date(`${m.month}-01T00:00:00Z`)),
  }));
  const total = (k: 'accepted' | 'won') => data.months.reduce((s, m) => s + m[k], 0);
  const summary = t('pipeline.valueSummary', {
    accepted: f.money(total('accepted'), data.currency),
    won: f.money(total('won'), data.currency),
  });
  return (
    <ChartCard
      title={t('pipeline.value', { currency: data.currency })}
      summary={
        data.otherCurrency > 0
          ? `${summary} ${t('pipeline.otherCurrency', { count: data.otherCurrency })}`
          : summary
      }
      links={
        <>
          <button
            type="button"
            className="link-button"
            onClick={() => showList({ stage: 'accepted', sort: 'value' })}
          >
            {t('pipeline.showAccepted')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => showList({ stage: 'archived', outcome: 'won', sort: 'value' })}
          >
            {t('pipeline.showOutcome', { outcome: t('outcomes.won') })}
          </button>
        </>
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
          <XAxis dataKey="label" />
          <YAxis width={64} tickFormatter={(v: number) => f.compactMoney(v, data.currency)} />
          <Tooltip formatter={(v) => f.money(Number(v), data.currency)} />
          <Legend />
          <Bar
            isAnimationActive={false}
            dataKey="accepted"
            name={t('pipeline.acceptedValue')}
            fill={CHART_COLORS.accepted}
            cursor="pointer"
            onClick={() => showList({ stage: 'accepted', sort: 'value' })}
          />
          <Bar
            isAnimationActive={false}
            dataKey="won"
            name={t('pipeline.wonValue')}
            fill={CHART_COLORS.won}
            cursor="pointer"
            onClick={() => showList({ stage: 'archived', outcome: 'won', sort: 'value' })}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
