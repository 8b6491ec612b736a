import { useTranslation } from 'react-i18next';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useUi } from '../../state/ui-store';
import { useFormat } from '../format/use-format';
import type { PipelineData } from './pipeline-data';
import { CHART_COLORS, ChartCard } from './ChartCard';

/** Won / (won + lost): declined and expired referrals never became deals. */
export function WinRateChart({ data }: { data: PipelineData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const showList = useUi((s) => s.showList);
  const decided = data.won + data.lost;
  const rate = decided > 0 ? data.won / decided : null;
  const slices = [
    { key: 'won' as const, name: t('outcomes.won'), value: data.won },
    { key: 'lost' as const, name: t('outcomes.lost'), value: data.lost },
  ];
  const open = (outcome: 'won' | 'lost') => showList({ stage: 'archived', outcome });
  return (
    <ChartCard
      title={t('pipeline.winRate')}
      summary={
        rate === null
          ? t('pipeline.noDecided')
          : t('pipeline.winRateSummary', {
              rate: f.percent(rate),
              won: f.number(data.won),
              lost: f.number(data.lost),
            })
      }
      links={slices.map((s) => (
        <button key={s.key} type="button" className="link-button" onClick={() => open(s.key)}>
          {t('pipeline.showOutcome', { outcome: s.name })}
        </button>
      ))}
    >
      <div className="win-rate">
        <ResponsiveContainer width="100%" height={240}>
          <PieChart>
            <Pie
              isAnimationActive={false}
              data={slices}
              dataKey="value"
              nameKey="name"
              innerRadius={62}
              outerRadius={95}
              cursor="pointer"
              onClick={(_, i) => open(i === 0 ? 'won' : 'lost')}
            >
              {slices.map((s) => (
                <Cell key={s.key} fill={CHART_COLORS[s.key]} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => f.number(Number(v))} />
          </PieChart>
        </ResponsiveContainer>
        <span className="win-rate-figure">{rate === null ? '–' : f.percent(rate)}</span>
      </div>
    </ChartCard>
  );
}
