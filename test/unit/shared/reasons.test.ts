import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASON_LABELS, reasonLabel, ReasonCodeSchema } from '../../../src-shared/index';

describe('reason codes', () => {
  it.each([
    [1, 'Budget insufficient', 'Budget insuffisant', 'Otillräcklig budget'],
    [2, 'Customer not responsive', 'Le client ne répond pas', 'Kunden svarar inte'],
    [
      3,
      'Customer chose another vendor',
      'Le client a choisi un autre fournisseur',
      'Kunden valde en annan leverantör',
    ],
    [4, 'Requirements not met', 'Exigences non satisfaites', 'Kraven uppfylls inte'],
    [5, 'Not a customer', 'Pas un client', 'Inte en kund'],
    [6, 'Timeline too short', 'Délai trop court', 'För kort tidsram'],
    [7, 'Abuse, spam or phishing', 'Abus, spam ou hameçonnage', 'Missbruk, skräppost eller nätfiske'],
    [8, 'Other', 'Autre', 'Annat'],
  ])('%i → en %s / fr %s / sv %s', (code, en, fr, sv) => {
    expect(reasonLabel(code, 'en')).toBe(en);
    expect(reasonLabel(code, 'fr')).toBe(fr);
    expect(reasonLabel(code, 'sv')).toBe(sv);
  });

  it('resolves regional locales and falls back to English', () => {
    expect(reasonLabel(8, 'fr-CA')).toBe('Autre');
    expect(reasonLabel(8, 'sv_SE')).toBe('Annat');
    expect(reasonLabel(8, 'de')).toBe('Other');
    expect(reasonLabel(8)).toBe('Other');
  });

  it('shows an unknown code as its number', () => {
    expect(reasonLabel(9, 'fr')).toBe('9');
  });

  it('has a distinct label for every code in every language', () => {
    for (const labels of Object.values(REASON_LABELS)) {
      expect(new Set(REASON_CODES.map((c) => labels[c])).size).toBe(REASON_CODES.length);
    }
  });

  it('validates codes 1..8 only', () => {
    expect(REASON_CODES.every((c) => ReasonCodeSchema.safeParse(c).success)).toBe(true);
    for (const bad of [0, 9, 2.5, '3', null]) expect(ReasonCodeSchema.safeParse(bad).success).toBe(false);
  });
});
