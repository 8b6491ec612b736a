import type { Stage, Tab } from '../../../src-shared';
import { archiveOutcomeOf, stageOf, tabOf } from '../../../src-shared';
import type { ListSpec } from '../../db/list-spec';
import type { ListTab, OutcomeFilter, SortOrder } from '../../state/ui-store';
import type { VisibleReferral } from '../../db/visible';

// What the list shows, and whether the store's indexes can serve it page by page (the fast path)
// or it needs an ordered id list built in memory (search and favorites).

export interface ListQuery {
  tab: ListTab;
  stage: Stage;
  outcome: OutcomeFilter;
  sort: SortOrder;
  search: string;
}

/** The index-served spec, or null when the query needs the in-memory path. */
export function indexedSpec(q: ListQuery): ListSpec | null {
  if (q.search.trim() !== '' || q.tab === 'favorites') return null;
  if (q.stage === 'archived' && q.outcome !== 'all') {
    return { kind: 'stage', tab: q.tab, stage: q.stage, order: q.sort, outcome: q.outcome };
  }
  return { kind: 'stage', tab: q.tab, stage: q.stage, order: q.sort };
}

/** Whether one visible referral belongs in the list (used on the in-memory path). */
export function matchesQuery(referral: VisibleReferral['referral'], q: ListQuery): boolean {
  // A search looks through every referral on the device: the result rows show their stage.
  if (q.search.trim() !== '') return true;
  const tab: Tab = tabOf(referral);
  if (q.tab === 'favorites') {
    if (!referral.favorite) return false;
  } else {
    if (tab !== q.tab) return false;
    if (stageOf(referral) !== q.stage) return false;
  }
  if (q.tab !== 'favorites' && q.stage === 'archived' && q.outcome !== 'all') {
    return archiveOutcomeOf(referral) === q.outcome;
  }
  return true;
}

export interface SortKeyed {
  id: string;
  deadline: string;
  createdAt: string;
  value: number;
}

export function compareBy(sort: SortOrder): (a: SortKeyed, b: SortKeyed) => number {
  switch (sort) {
    case 'deadline':
      return (a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : 1);
    case 'newest':
      return (a, b) =>
        a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1;
    case 'value':
      // As the value index read backwards: value, then newest, then id (descending).
      return (a, b) =>
        b.value - a.value ||
        (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id > b.id ? -1 : 1);
  }
}
