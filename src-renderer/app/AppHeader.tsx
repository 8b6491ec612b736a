export function AppHeader() {
  return (
    <header className="app-header">
      <h1 className="app-title">Partner Desk</h1>
    </header>
  );
}
