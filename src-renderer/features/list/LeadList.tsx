import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useUi } from '../../state/ui-store';
import { useLeadList } from '../data/use-lead-list';
import type { ListQuery } from '../data/list-query';
import { useNow } from '../format/use-now';
import { LeadRow, LeadRowPlaceholder } from './LeadRow';
import { onListMove } from './list-events';

/** Row height in rem: fixed, so that 100,000 rows cost nothing to lay out and zoom scales them. */
const ROW_REM = 4.25;

function remPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** The virtualized list of the current tab, stage, outcome, search and sort. */
export function LeadList() {
  const { t } = useTranslation();
  const tab = useUi((s) => s.tab);
  const stage = useUi((s) => s.stage);
  const outcome = useUi((s) => s.outcome);
  const sort = useUi((s) => s.sort);
  const search = useUi((s) => s.search);
  const selectedId = useUi((s) => s.selectedId);
  const select = useUi((s) => s.select);
  const query: ListQuery = useMemo(
    () => ({ tab, stage, outcome, sort, search }),
    [tab, stage, outcome, sort, search],
  );
  const nowMs = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rowPx] = useState(() => Math.round(ROW_REM * remPx()));
  const [range, setRange] = useState({ start: 0, end: 30 });
  const list = useLeadList(query, range.start, range.end);
  const total = list.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    overscan: 12,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      setRange((r) => (r.start === first && r.end === last ? r : { start: first, end: last }));
    },
  });

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  const rowAt = (index: number) => list.rows[index - list.offset];
  const latest = useRef({ rowAt, total, selectedId });
  latest.current = { rowAt, total, selectedId };

  // j / k: move the selection through the whole list, loading rows as it goes.
  useEffect(
    () =>
      onListMove((delta) => {
        const { rowAt: at, total: n, selectedId: current } = latest.current;
        if (n === 0) return;
        let index = -1;
        for (let i = list.offset; i < list.offset + list.rows.length; i++)
          if (at(i)?.referral.id === current) index = i;
        const next = Math.min(n - 1, Math.max(0, index < 0 ? range.start : index + delta));
        virtualizer.scrollToIndex(next, { align: 'auto' });
        const row = at(next);
        if (row) select(row.referral.id);
      }),
    [list.offset, list.rows, range.start, select, virtualizer],
  );

  const showStage = tab === 'favorites' || search.trim() !== '';
  return (
    <div
      className="lead-list"
      ref={scrollRef}
      tabIndex={-1}
      // What the rendered rows answer (for tests and the benchmark): the query and whether it is current.
      data-ready={list.ready}
      data-query={`${tab}/${stage}/${outcome}/${sort}/${search.trim()}`}
    >
      {list.matches !== null && list.total !== undefined && list.matches > list.total && (
        <p className="list-more" role="note">
          {t('list.moreMatches', { shown: total, count: list.matches })}
        </p>
      )}
      {list.total === undefined ? (
        <p className="list-message" role="status">
          {t('list.loading')}
        </p>
      ) : total === 0 ? (
        <p className="list-message" role="status">
          {search.trim() ? t('list.noMatches', { query: search.trim() }) : t('list.empty')}
        </p>
      ) : (
        <ul
          className="lead-list-inner"
          style={{ height: virtualizer.getTotalSize() }}
          aria-label={t('list.label')}
        >
          {virtualizer.getVirtualItems().map((v) => {
            const item = rowAt(v.index);
            return (
              <li
                // Keyed by referral: when a row leaves (accepted, declined), the DOM node of
                // another referral is never reused for it under the pointer.
                key={item?.referral.id ?? `i${v.index}`}
                className="lead-list-item"
                style={{ transform: `translateY(${v.start}px)`, height: rowPx }}
                aria-setsize={total}
                aria-posinset={v.index + 1}
              >
                {item ? (
                  <LeadRow
                    item={item}
                    selected={item.referral.id === selectedId}
                    nowMs={nowMs}
                    showStage={showStage}
                    onSelect={select}
                  />
                ) : (
                  <LeadRowPlaceholder />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {list.total !== undefined ? t('list.count', { count: total }) : ''}
      </p>
    </div>
  );
}
