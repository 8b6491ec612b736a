import { AppHeader } from './AppHeader';
import { TabBar } from './TabBar';

/** The app shell: a header and the lead tabs above the workspace. */
export function App() {
  return (
    <div className="app-shell">
      <AppHeader />
      <TabBar />
      <main className="workspace" aria-label="Referrals" />
    </div>
  );
}
