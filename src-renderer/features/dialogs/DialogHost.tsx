import { isTerminal, stageOf } from '../../../src-shared';
import { useReferral } from '../../db/hooks';
import { useUi } from '../../state/ui-store';
import { AcceptDialog } from './AcceptDialog';
import { AddTeamMemberDialog } from './AddTeamMemberDialog';
import { EditDealDialog } from './EditDealDialog';
import { MarkWonDialog } from './MarkWonDialog';
import { ReasonDialog } from './ReasonDialog';

/** Shows the open referral dialog (kept in UI state, so a reload reopens it with its draft). */
export function DialogHost() {
  const dialog = useUi((s) => s.dialog);
  const closeDialog = useUi((s) => s.closeDialog);
  const visible = useReferral(dialog?.referralId ?? null);
  if (!dialog || !visible) return null;
  const r = visible.referral;
  const stage = stageOf(r);
  const key = `${dialog.kind}:${r.id}`;
  switch (dialog.kind) {
    case 'accept':
      return stage === 'received' ? <AcceptDialog key={key} referral={r} onClose={closeDialog} /> : null;
    case 'decline':
      return stage === 'received' ? (
        <ReasonDialog key={key} mode="decline" referral={r} onClose={closeDialog} />
      ) : null;
    case 'markLost':
      return stage === 'accepted' ? (
        <ReasonDialog key={key} mode="markLost" referral={r} onClose={closeDialog} />
      ) : null;
    case 'markWon':
      return stage === 'accepted' ? <MarkWonDialog key={key} referral={r} onClose={closeDialog} /> : null;
    case 'editDeal':
      return stage === 'accepted' ? (
        <EditDealDialog key={key} referral={r} version={visible.version} onClose={closeDialog} />
      ) : null;
    case 'addTeamMember':
      return !isTerminal(r) ? <AddTeamMemberDialog key={key} referral={r} onClose={closeDialog} /> : null;
  }
}
