import { describe, expect, it } from 'vitest';
import {
  MUTATION_NAMES,
  MutationArgsSchemas,
  parseIntent,
  PushMutationSchema,
} from '../../../src-shared/index';
import { NOTE_ID, REFERRAL_ID } from './fixtures';

const accept = {
  referralId: REFERRAL_ID,
  name: '  Fabrikam rollout ',
  dealValue: 1000,
  currency: 'EUR',
  closingDate: '2025-06-30',
};

function fields(name: string, args: unknown): string[] {
  const result = parseIntent(name, args);
  return result.ok ? [] : result.error.map((e) => e.field);
}

describe('parseIntent', () => {
  it('accepts a valid accept and trims the deal name', () => {
    const result = parseIntent('accept', accept);
    expect(result.ok && result.intent).toEqual({
      name: 'accept',
      args: { ...accept, name: 'Fabrikam rollout' },
    });
  });

  it.each<[string, unknown, string[]]>([
    ['accept', { ...accept, name: '   ' }, ['name']],
    ['accept', { ...accept, name: 'x'.repeat(201) }, ['name']],
    ['accept', { ...accept, dealValue: -1 }, ['dealValue']],
    ['accept', { ...accept, dealValue: Number.POSITIVE_INFINITY }, ['dealValue']],
    ['accept', { ...accept, dealValue: Number.NaN }, ['dealValue']],
    ['accept', { ...accept, currency: 'eur' }, ['currency']],
    ['accept', { ...accept, currency: 'EURO' }, ['currency']],
    ['accept', { ...accept, closingDate: '2025-06-31' }, ['closingDate']],
    ['accept', { ...accept, closingDate: '2025-06-30T00:00:00Z' }, ['closingDate']],
    ['accept', { ...accept, team: [{ firstName: 'A', email: 'not-an-email' }] }, ['team.0.email']],
    ['accept', { ...accept, referralId: '' }, ['referralId']],
    ['decline', { referralId: REFERRAL_ID, reasonCode: 9 }, ['reasonCode']],
    ['decline', { referralId: REFERRAL_ID, reasonCode: 0 }, ['reasonCode']],
    ['decline', { referralId: REFERRAL_ID, reasonCode: '3' }, ['reasonCode']],
    ['markLost', { referralId: REFERRAL_ID }, ['reasonCode']],
    ['setFavorite', { referralId: REFERRAL_ID, favorite: 'yes' }, ['favorite']],
    ['editDeal', { referralId: REFERRAL_ID, fields: {}, baseVersion: 3 }, ['fields']],
    ['editDeal', { referralId: REFERRAL_ID, fields: { status: 'Closed' }, baseVersion: 3 }, ['fields']],
    ['editDeal', { referralId: REFERRAL_ID, fields: { dealValue: 5 }, baseVersion: -1 }, ['baseVersion']],
    ['editDeal', { referralId: REFERRAL_ID, fields: { dealValue: 5 }, baseVersion: 1.5 }, ['baseVersion']],
    [
      'editDeal',
      { referralId: REFERRAL_ID, fields: { currency: 'sek' }, baseVersion: 1 },
      ['fields.currency'],
    ],
    ['addTeamMember', { referralId: REFERRAL_ID, member: { email: 'x' } }, ['member.email']],
    ['addNote', { referralId: REFERRAL_ID, noteId: 'not-a-uuid', text: 'hi' }, ['noteId']],
    ['addNote', { referralId: REFERRAL_ID, noteId: NOTE_ID, text: '  ' }, ['text']],
    ['addNote', { referralId: REFERRAL_ID, noteId: NOTE_ID, text: 'x'.repeat(10_001) }, ['text']],
    ['accept', null, ['(root)']],
    ['launchRocket', {}, ['name']],
  ])('%s %j → error on %j', (name, args, expected) => {
    expect(fields(name, args)).toEqual(expected);
  });

  it('accepts every mutation with minimal valid arguments', () => {
    const valid: Record<(typeof MUTATION_NAMES)[number], unknown> = {
      accept,
      decline: { referralId: REFERRAL_ID, reasonCode: 8, notes: 'n' },
      markWon: { referralId: REFERRAL_ID },
      markLost: { referralId: REFERRAL_ID, reasonCode: 2 },
      setFavorite: { referralId: REFERRAL_ID, favorite: false },
      editDeal: { referralId: REFERRAL_ID, fields: { notes: '' }, baseVersion: 0 },
      addTeamMember: {
        referralId: REFERRAL_ID,
        member: { firstName: 'G', lastName: 'H', email: 'g@h.example' },
      },
      addNote: { referralId: REFERRAL_ID, noteId: NOTE_ID, text: 'hello' },
    };
    for (const name of MUTATION_NAMES) {
      expect(parseIntent(name, valid[name]).ok, name).toBe(true);
      expect(MutationArgsSchemas[name].safeParse(valid[name]).success, name).toBe(true);
    }
  });

  it('strips unknown argument keys instead of failing', () => {
    const result = parseIntent('setFavorite', { referralId: REFERRAL_ID, favorite: true, extra: 1 });
    expect(result.ok && result.intent.args).toEqual({ referralId: REFERRAL_ID, favorite: true });
  });
});

describe('PushMutationSchema', () => {
  const entry = {
    seq: 1,
    id: NOTE_ID,
    name: 'accept',
    args: { anything: true },
    createdAt: '2025-03-01T10:00:00Z',
  };

  it('keeps args unchecked so one bad entry cannot fail the batch', () => {
    expect(PushMutationSchema.safeParse({ ...entry, name: 'nonsense', args: 42 }).success).toBe(true);
    expect(PushMutationSchema.safeParse({ ...entry, args: undefined }).success).toBe(true);
  });

  it.each([
    ['seq', { ...entry, seq: 0 }],
    ['seq', { ...entry, seq: 1.5 }],
    ['id', { ...entry, id: 'x' }],
    ['createdAt', { ...entry, createdAt: '2025-03-01T11:00:00+01:00' }],
  ])('rejects a bad %s', (field, input) => {
    const result = PushMutationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
