import { describe, expect, it } from 'vitest';
import { initialLanguage, resources } from '../../../../src-renderer/i18n';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

describe('translations', () => {
  const english = leaves(resources.en.translation);

  it.each(['fr', 'sv'] as const)('%s has every English key, each non-empty, and no extra key', (language) => {
    const translated = leaves(resources[language].translation);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of translated) expect(value.trim(), key).not.toBe('');
  });

  it.each(['fr', 'sv'] as const)(
    '%s translates the product vocabulary rather than copying English',
    (language) => {
      const translated = leaves(resources[language].translation);
      for (const key of ['tabs.qualified', 'tabs.favorites', 'stages.received', 'outcomes.declined']) {
        expect(translated.get(key), key).not.toBe(english.get(key));
      }
    },
  );
});

describe('initialLanguage', () => {
  it('prefers the saved choice', () => {
    expect(initialLanguage('sv', ['fr-FR'])).toBe('sv');
  });
  it('falls back to the first browser language we speak, by its base', () => {
    expect(initialLanguage(null, ['de-DE', 'fr-CA', 'sv-SE'])).toBe('fr');
  });
  it('ignores an unknown saved value and defaults to English', () => {
    expect(initialLanguage('xx', ['de-DE'])).toBe('en');
  });
});
