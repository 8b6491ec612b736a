import { useTranslation } from 'react-i18next';
import { usePendingSummary } from '../../db/hooks';
import { useWorkspace } from '../data/WorkspaceProvider';

/** Who is signed in, and sign-out (which warns when changes have not reached the service). */
export function AccountMenu() {
  const { t } = useTranslation();
  const { manager, session, db, sync } = useWorkspace();
  const pending = usePendingSummary();
  const signOut = async () => {
    const waiting = pending?.count ?? 0;
    if (waiting > 0 && !window.confirm(t('account.pendingWarning', { count: waiting }))) return;
    sync.stop();
    // The next user of this device must not see this user's referrals.
    db.close();
    await db.delete().catch(() => undefined);
    await manager.signOut();
  };
  const who = session.user.displayName || session.user.email;
  return (
    <div className="account">
      <span className="account-name" title={session.user.email}>
        {who}
        {session.user.organization.name && <span className="muted"> · {session.user.organization.name}</span>}
      </span>
      <button type="button" className="button button-quiet" onClick={() => void signOut()}>
        {t('account.signOut')}
      </button>
    </div>
  );
}
