import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyTheme, savedTheme, THEMES, type Theme } from './theme';

export function ThemePicker() {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<Theme>(savedTheme);
  return (
    <label className="theme-picker">
      <span className="visually-hidden">{t('app.theme')}</span>
      <select
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          setTheme(next);
          applyTheme(next);
        }}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`themes.${th}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
