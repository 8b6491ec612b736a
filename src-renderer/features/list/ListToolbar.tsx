import { useTranslation } from 'react-i18next';
import { ARCHIVE_OUTCOMES, STAGES } from '../../../src-shared';
import { useCounts } from '../../db/hooks';
import { useUi, type OutcomeFilter, type SortOrder } from '../../state/ui-store';
import { useFormat } from '../format/use-format';
import { useWorkspace } from '../data/WorkspaceProvider';
import { SearchBox } from './SearchBox';

const SORTS: readonly SortOrder[] = ['deadline', 'newest', 'value'];

/** Stage filter (with counts), the archive's outcome filter, search and sort. */
export function ListToolbar(props: { onExport: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const counts = useCounts();
  const tab = useUi((s) => s.tab);
  const stage = useUi((s) => s.stage);
  const outcome = useUi((s) => s.outcome);
  const sort = useUi((s) => s.sort);
  const setStage = useUi((s) => s.setStage);
  const setOutcome = useUi((s) => s.setOutcome);
  const setSort = useUi((s) => s.setSort);
  const openPanel = useUi((s) => s.openPanel);
  const searching = useUi((s) => s.search.trim() !== '');
  const stageFilter = tab !== 'favorites' && !searching;
  // The service imports for administrators only.
  const canImport = useWorkspace().session.user.role === 'admin';
  return (
    <div className="list-toolbar">
      {stageFilter && (
        <div className="segmented" role="group" aria-label={t('list.stageFilter')}>
          {STAGES.map((s) => (
            <button key={s} type="button" aria-pressed={stage === s} onClick={() => setStage(s)}>
              {t(`stages.${s}`)}
              {counts && <span className="count">{f.number(counts.byTab[tab][s])}</span>}
            </button>
          ))}
        </div>
      )}
      {stageFilter && stage === 'archived' && (
        <label className="inline-field">
          <span>{t('list.outcome')}</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as OutcomeFilter)}>
            <option value="all">{t('list.allOutcomes')}</option>
            {ARCHIVE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <SearchBox />
      <label className="inline-field">
        <span>{t('list.sort')}</span>
        <select value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar-end">
        {canImport && (
          <button type="button" className="button" onClick={() => openPanel('import')}>
            {t('transfer.import')}
          </button>
        )}
        <button type="button" className="button" onClick={props.onExport}>
          {t('transfer.export')}
        </button>
      </div>
    </div>
  );
}
