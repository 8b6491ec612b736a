import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../state/ui-store';

export const SEARCH_INPUT_ID = 'lead-search';

/** Search as you type: the input answers at once; the list query follows after a short pause. */
export function SearchBox() {
  const { t } = useTranslation();
  const search = useUi((s) => s.search);
  const setSearch = useUi((s) => s.setSearch);
  const [text, setText] = useState(search);
  const [sent, setSent] = useState(search);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Someone else changed the search (a chart click clears it): show theirs.
  if (search !== sent) {
    setSent(search);
    setText(search);
  }
  const change = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSent(value);
      setSearch(value);
    }, 120);
  };
  return (
    <div className="search-box">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        {t('list.search')}
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        placeholder={t('list.searchPlaceholder')}
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            change('');
            e.currentTarget.blur();
          }
        }}
      />
    </div>
  );
}
