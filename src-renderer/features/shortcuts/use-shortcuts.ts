import { useEffect } from 'react';
import { stageOf } from '../../../src-shared';
import { visibleReferral } from '../../db/visible';
import { useUi } from '../../state/ui-store';
import { useWorkspace } from '../data/WorkspaceProvider';
import { requestListMove } from '../list/list-events';
import { SEARCH_INPUT_ID } from '../list/SearchBox';

/** Typing in a field, or a modal being open, keeps single-letter keys for the text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['/', 'search'],
  ['a', 'accept'],
  ['d', 'decline'],
  ['f', 'favorite'],
  ['?', 'help'],
] as const;

/** j/k move, / searches, a accepts, d declines, f toggles the heart, ? lists the shortcuts. */
export function useShortcuts(): void {
  const { db, actions } = useWorkspace();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const ui = useUi.getState();
      // The selected referral as it looks now (pending changes included), read when the key is pressed.
      const withSelected = (
        fn: (r: NonNullable<Awaited<ReturnType<typeof visibleReferral>>>['referral']) => void,
      ) => {
        if (!ui.selectedId) return;
        void visibleReferral(db, ui.selectedId).then((v) => v && fn(v.referral));
      };
      switch (e.key) {
        case 'j':
        case 'k':
          if (ui.view !== 'list') return;
          requestListMove(e.key === 'j' ? 1 : -1);
          break;
        case '/':
          if (ui.view !== 'list') ui.setView('list');
          requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
          break;
        case 'a':
        case 'd': {
          const kind = e.key === 'a' ? 'accept' : 'decline';
          withSelected((r) => stageOf(r) === 'received' && ui.openDialog({ kind, referralId: r.id }));
          break;
        }
        case 'f':
          withSelected((r) => void actions.setFavorite({ referralId: r.id, favorite: !r.favorite }));
          break;
        case '?':
          ui.openPanel('shortcuts');
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [db, actions]);
}
