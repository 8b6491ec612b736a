// Light and dark follow the system unless the user picks one; the choice is kept on this device.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'partner-desk.theme';

export function savedTheme(): Theme {
  const v = localStorage.getItem(KEY);
  return (THEMES as readonly string[]).includes(v ?? '') ? (v as Theme) : 'system';
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
  localStorage.setItem(KEY, theme);
}
