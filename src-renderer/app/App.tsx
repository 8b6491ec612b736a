import { useStore } from 'zustand';
import type { SessionManager } from '../features/auth/session';
import { SignInScreen } from '../features/auth/SignInScreen';
import { WorkspaceProvider } from '../features/data/WorkspaceProvider';
import { Workspace } from './Workspace';

/** Signed out: the sign-in screen. Signed in: the workspace on this user's local database. */
export function App(props: { manager: SessionManager; defaultServiceUrl: string | null }) {
  const session = useStore(props.manager.store, (s) => s.session);
  if (session === undefined) return null;
  if (session === null)
    return <SignInScreen manager={props.manager} defaultServiceUrl={props.defaultServiceUrl} />;
  return (
    <WorkspaceProvider manager={props.manager} session={session}>
      <Workspace />
    </WorkspaceProvider>
  );
}
