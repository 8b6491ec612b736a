import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STAGES, TABS } from '../../../src-shared';
import type { Counts } from '../../db/queries';
import { useUi } from '../../state/ui-store';
import { useFormat } from '../format/use-format';
import { CHART_COLORS, ChartCard } from './ChartCard';

export function StageChart({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const f = useFormat();
  const showList = useUi((s) => s.showList);
  const data = STAGES.map((stage) => ({
    stage,
    label: t(`stages.${stage}`),
    ...Object.fromEntries(TABS.map((tab) => [tab, counts.byTab[tab][stage]])),
  }));
  const summary = STAGES.map((s) => `${t(`stages.${s}`)} ${f.number(counts.byStage[s])}`).join(' · ');
  return (
    <ChartCard
      title={t('pipeline.byStage')}
      summary={summary}
      links={STAGES.map((s) => (
        <button key={s} type="button" className="link-button" onClick={() => showList({ stage: s })}>
          {t('pipeline.showStage', { stage: t(`stages.${s}`) })}
        </button>
      ))}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => f.number(v)} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Legend />
          {TABS.map((tab) => (
            <Bar
              isAnimationActive={false}
              key={tab}
              dataKey={tab}
              name={t(`tabs.${tab}`)}
              stackId="s"
              fill={CHART_COLORS[tab]}
              cursor="pointer"
              onClick={(_, index) => {
                const stage = STAGES[index];
                if (stage) showList({ tab, stage });
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
