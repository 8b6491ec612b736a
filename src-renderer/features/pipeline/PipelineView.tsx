import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCounts } from '../../db/hooks';
import { useWorkspace } from '../data/WorkspaceProvider';
import { loadPipeline, type PipelineData } from './pipeline-data';
import { StageChart } from './StageChart';
import { WinRateChart } from './WinRateChart';
import { ValueChart } from './ValueChart';
import { ExpiringChart } from './ExpiringChart';

/** Counts by stage, win rate, accepted and won value over time, and what expires this week. */
export function PipelineView() {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const counts = useCounts();
  const [data, setData] = useState<PipelineData | null>(null);
  // Recomputed when the counts move (a sync, an action), not on every write during a sync.
  const signature = counts ? JSON.stringify(counts.byTab) : '';
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void loadPipeline(db, Date.now()).then((d) => live && setData(d));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, signature]);
  return (
    <section className="pipeline" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title">{t('pipeline.title')}</h2>
      <div className="pipeline-grid">
        {counts && <StageChart counts={counts} />}
        {data && <WinRateChart data={data} />}
        {data && <ValueChart data={data} />}
        {data && <ExpiringChart data={data} />}
        {!data && <p role="status">{t('list.loading')}</p>}
      </div>
    </section>
  );
}
