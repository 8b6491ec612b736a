import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import {
  acceptArgs,
  acceptRaw,
  changedDealFields,
  emptyMember,
  parseAmount,
  type AcceptForm,
  type DealForm,
} from '../../../../src-renderer/features/dialogs/forms';
import { checkArgs } from '../../../../src-renderer/features/dialogs/validation';
import { i18nFor } from './i18n-fixture';

const empty: AcceptForm = {
  name: '',
  dealValue: '',
  currency: '',
  closingDate: '',
  notes: '',
  externalReferenceId: '',
  campaignId: '',
  team: [],
};

describe('dialog validation with the shared schemas', () => {
  let t: TFunction;
  let fr: TFunction;
  beforeAll(async () => {
    t = (await i18nFor('en')).t;
    fr = (await i18nFor('fr')).t;
  });

  it('maps every missing Accept field to "Required." at its own path', () => {
    const result = checkArgs(t, 'accept', acceptArgs('r1', empty), acceptRaw(empty));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'Required.',
      dealValue: 'Required.',
      currency: 'Choose a currency.',
      closingDate: 'Required.',
    });
  });

  it('tells a wrong value from a missing one, and points into the team list', () => {
    const form: AcceptForm = {
      ...empty,
      name: 'Deal',
      dealValue: 'twelve',
      currency: 'EUR',
      closingDate: '2027-02-30',
      team: [emptyMember(), { ...emptyMember(), email: 'nope' }],
    };
    const result = checkArgs(t, 'accept', acceptArgs('r1', form), acceptRaw(form));
    if (result.ok) throw new Error('expected errors');
    // The blank first member is dropped, so the bad one is team.0.
    expect(result.errors).toEqual({
      dealValue: 'Enter a number, like 12500.',
      closingDate: 'Pick a date.',
      'team.0.email': 'Enter an email address, like name@example.com.',
    });
  });

  it('accepts a complete form and returns the parsed arguments', () => {
    const form: AcceptForm = {
      ...empty,
      name: ' Deal ',
      dealValue: '12 500,50',
      currency: 'SEK',
      closingDate: '2027-03-31',
      notes: '  ',
    };
    const result = checkArgs(t, 'accept', acceptArgs('r1', form), acceptRaw(form));
    expect(result).toEqual({
      ok: true,
      args: {
        referralId: 'r1',
        name: 'Deal',
        dealValue: 12500.5,
        currency: 'SEK',
        closingDate: '2027-03-31',
      },
    });
  });

  it('refuses a negative value and speaks French', () => {
    const result = checkArgs(fr, 'decline', { referralId: 'r1', reasonCode: undefined }, { reasonCode: '' });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual({ reasonCode: 'Choisissez un motif.' });
    const negative = checkArgs(
      t,
      'accept',
      acceptArgs('r1', { ...empty, name: 'x', dealValue: '-5', currency: 'EUR', closingDate: '2027-01-01' }),
    );
    if (negative.ok) throw new Error('expected errors');
    expect(negative.errors['dealValue']).toBe('Enter a number, like 12500.');
  });

  it('an edit that changes nothing says so', () => {
    const deal: DealForm = {
      name: 'A',
      dealValue: '1',
      currency: 'EUR',
      closingDate: '2027-01-01',
      notes: '',
      externalReferenceId: '',
      campaignId: '',
    };
    const result = checkArgs(
      t,
      'editDeal',
      { referralId: 'r1', fields: changedDealFields(deal, deal), baseVersion: 3 },
      { fields: deal },
    );
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual({ fields: 'Change at least one field.' });
  });
});

describe('form values', () => {
  it('reads amounts written the English, French or Swedish way', () => {
    expect(parseAmount('12500')).toBe(12500);
    expect(parseAmount('12,500.75')).toBe(12500.75);
    expect(parseAmount('12 500,75')).toBe(12500.75);
    expect(parseAmount('12\u202f500')).toBe(12500);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('12 five')).toBeNaN();
  });

  it('an edit sends only the fields the user changed', () => {
    const before: DealForm = {
      name: 'A',
      dealValue: '100',
      currency: 'EUR',
      closingDate: '2027-01-01',
      notes: 'n',
      externalReferenceId: '',
      campaignId: '',
    };
    expect(changedDealFields(before, { ...before, dealValue: '150', notes: 'n ' })).toEqual({
      dealValue: 150,
    });
  });
});
