/** The lead tabs; empty until the client store provides the tabs and their counts. */
export function TabBar() {
  return <nav className="tab-bar" role="tablist" aria-label="Lead tabs" />;
}
