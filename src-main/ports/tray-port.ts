export type TrayMenuItemId = 'open' | 'sync-now' | 'pause' | 'resume' | 'quit';

export interface TrayMenuItem {
  id: TrayMenuItemId;
  label: string;
  enabled: boolean;
}

export interface TrayView {
  tooltip: string;
  /** macOS menu-bar text beside the icon (empty for none). */
  title: string;
  icon: 'idle' | 'attention';
  menu: readonly (TrayMenuItem | 'separator')[];
}

/** The system tray icon and its menu. */
export interface TrayPort {
  render(view: TrayView): void;
  onMenuItem(listener: (id: TrayMenuItemId) => void): void;
  /** Click on the icon itself (Windows, Linux): open the window. */
  onActivate(listener: () => void): void;
}

/** The dock / launcher / taskbar badge. */
export interface BadgePort {
  setCount(count: number): void;
}
