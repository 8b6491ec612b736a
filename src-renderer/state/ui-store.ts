import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ArchiveOutcome, Stage, Tab } from '../../src-shared';

// UI state only: where the user is and what is open. Never rows: those are read live from
// IndexedDB. Persisted in sessionStorage so that a reload (or a crash) puts the user back in the
// same view with the same dialog open; the dialog's typed values are kept by features/dialogs.

export type ListTab = Tab | 'favorites';
export type SortOrder = 'deadline' | 'newest' | 'value';
export type OutcomeFilter = ArchiveOutcome | 'all';
export type View = 'list' | 'pipeline' | 'issues';
export type DialogKind = 'accept' | 'decline' | 'editDeal' | 'addTeamMember' | 'markWon' | 'markLost';

export interface OpenDialog {
  kind: DialogKind;
  referralId: string;
}

export interface ListFilters {
  tab: ListTab;
  stage: Stage;
  outcome: OutcomeFilter;
  sort: SortOrder;
}

export interface UiState extends ListFilters {
  view: View;
  search: string;
  selectedId: string | null;
  dialog: OpenDialog | null;
  /** Modal panels that are not referral dialogs. */
  panel: 'shortcuts' | 'import' | null;
  setView: (view: View) => void;
  setTab: (tab: ListTab) => void;
  setStage: (stage: Stage) => void;
  setOutcome: (outcome: OutcomeFilter) => void;
  setSort: (sort: SortOrder) => void;
  setSearch: (search: string) => void;
  select: (id: string | null) => void;
  openDialog: (dialog: OpenDialog) => void;
  closeDialog: () => void;
  openPanel: (panel: 'shortcuts' | 'import') => void;
  closePanel: () => void;
  /** Jump into the list with the given filters (pipeline charts, notifications). */
  showList: (filters: Partial<ListFilters> & { selectedId?: string | null }) => void;
}

export const DEFAULT_FILTERS: ListFilters = {
  tab: 'marketplace',
  stage: 'received',
  outcome: 'all',
  sort: 'deadline',
};

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      ...DEFAULT_FILTERS,
      view: 'list',
      search: '',
      selectedId: null,
      dialog: null,
      panel: null,
      setView: (view) => set({ view }),
      setTab: (tab) => set({ tab, selectedId: null }),
      // The outcome filter belongs to the archive: leaving it resets the filter.
      setStage: (stage) =>
        set((s) => ({ stage, outcome: stage === 'archived' ? s.outcome : 'all', selectedId: null })),
      setOutcome: (outcome) => set({ outcome, selectedId: null }),
      setSort: (sort) => set({ sort }),
      setSearch: (search) => set({ search }),
      select: (selectedId) => set({ selectedId }),
      openDialog: (dialog) => set({ dialog, panel: null }),
      closeDialog: () => set({ dialog: null }),
      openPanel: (panel) => set({ panel }),
      closePanel: () => set({ panel: null }),
      showList: (filters) =>
        set((s) => ({
          view: 'list',
          search: '',
          tab: filters.tab ?? s.tab,
          stage: filters.stage ?? s.stage,
          outcome: filters.outcome ?? (filters.stage && filters.stage !== 'archived' ? 'all' : s.outcome),
          sort: filters.sort ?? s.sort,
          selectedId: filters.selectedId ?? null,
        })),
    }),
    {
      name: 'partner-desk.ui',
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ view, tab, stage, outcome, sort, search, selectedId, dialog }) => ({
        view,
        tab,
        stage,
        outcome,
        sort,
        search,
        selectedId,
        dialog,
      }),
    },
  ),
);
