import { useTranslation } from 'react-i18next';
import { STAGES, TABS } from '../../src-shared';
import { useCounts } from '../db/hooks';
import { useUi, type ListTab } from '../state/ui-store';
import { useFormat } from '../features/format/use-format';

const LIST_TABS: readonly ListTab[] = [...TABS, 'favorites'];

/** The lead tabs with their counts; arrow keys move between them (the tab pattern). */
export function TabBar() {
  const { t } = useTranslation();
  const f = useFormat();
  const counts = useCounts();
  const tab = useUi((s) => s.tab);
  const view = useUi((s) => s.view);
  const setTab = useUi((s) => s.setTab);
  const setView = useUi((s) => s.setView);
  const countOf = (lt: ListTab): number | undefined => {
    if (!counts) return undefined;
    if (lt === 'favorites') return counts.favoritesTotal;
    return STAGES.reduce((sum, s) => sum + counts.byTab[lt][s], 0);
  };
  const choose = (lt: ListTab) => {
    setTab(lt);
    setView('list');
  };
  return (
    <nav className="tab-bar" aria-label={t('tabs.label')}>
      <div
        role="tablist"
        aria-label={t('tabs.label')}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const i = LIST_TABS.indexOf(tab);
          const next =
            LIST_TABS[(i + (e.key === 'ArrowRight' ? 1 : LIST_TABS.length - 1)) % LIST_TABS.length] ?? tab;
          choose(next);
          document.getElementById(`tab-${next}`)?.focus();
        }}
      >
        {LIST_TABS.map((lt) => {
          const selected = view === 'list' && tab === lt;
          const n = countOf(lt);
          return (
            <button
              key={lt}
              id={`tab-${lt}`}
              type="button"
              role="tab"
              aria-selected={selected}
              tabIndex={selected || (view !== 'list' && lt === tab) ? 0 : -1}
              className="tab"
              aria-controls="lead-panel"
              onClick={() => choose(lt)}
            >
              {t(`tabs.${lt}`)}
              {n !== undefined && <span className="count">{f.number(n)}</span>}
            </button>
          );
        })}
      </div>
      <div className="view-switch">
        <button
          type="button"
          className="tab"
          aria-pressed={view === 'pipeline'}
          onClick={() => setView(view === 'pipeline' ? 'list' : 'pipeline')}
        >
          {t('pipeline.title')}
        </button>
      </div>
    </nav>
  );
}
