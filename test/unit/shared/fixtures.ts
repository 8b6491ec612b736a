import { ReferralSchema } from '../../../src-shared/index';
import type { DecisionContext, Intent, Referral, ReferralInput } from '../../../src-shared/index';

// Hand-built referrals and contexts for example-based tests.

export const CREATED = '2025-03-01T09:00:00.000Z';
/** CREATED + 14 days: the default response deadline. */
export const DEADLINE = '2025-03-15T09:00:00.000Z';
export const BEFORE_DEADLINE = '2025-03-10T12:00:00.000Z';
export const AFTER_DEADLINE = '2025-03-16T08:00:00.000Z';
export const REFERRAL_ID = '7c1d2f4e-9a3b-4c5d-8e6f-0a1b2c3d4e5f';
export const NOTE_ID = '2b7e1c9a-4f3d-4e2a-9b8c-1d2e3f4a5b6c';

export const STATES = {
  pending: { status: 'New', substatus: 'Pending' },
  received: { status: 'New', substatus: 'Received' },
  accepted: { status: 'Active', substatus: 'Accepted' },
  won: { status: 'Closed', substatus: 'Won' },
  lost: { status: 'Closed', substatus: 'Lost' },
  declined: { status: 'Closed', substatus: 'Declined' },
  expired: { status: 'Closed', substatus: 'Expired' },
} as const;
export type StateName = keyof typeof STATES;

export function makeReferral(overrides: Partial<ReferralInput> = {}): Referral {
  return ReferralSchema.parse({
    id: REFERRAL_ID,
    engagementId: 'eng-1',
    createdDateTime: CREATED,
    updatedDateTime: CREATED,
    customerProfile: { name: 'Fabrikam' },
    ...overrides,
  });
}

export function inState(state: StateName, overrides: Partial<ReferralInput> = {}): Referral {
  return makeReferral({ ...STATES[state], ...overrides });
}

export function makeCtx(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return {
    now: BEFORE_DEADLINE,
    actionTime: BEFORE_DEADLINE,
    actor: { userId: 'u-1', displayName: 'Ada Lovelace', email: 'ada@partner.example' },
    deviceId: 'device-1',
    version: 42,
    ...overrides,
  };
}

export const intents = {
  accept: (args: Partial<Extract<Intent, { name: 'accept' }>['args']> = {}): Intent => ({
    name: 'accept',
    args: {
      referralId: REFERRAL_ID,
      name: 'Fabrikam CRM rollout',
      dealValue: 25000,
      currency: 'EUR',
      closingDate: '2025-06-30',
      ...args,
    },
  }),
  decline: (reasonCode: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 = 3, notes?: string): Intent => ({
    name: 'decline',
    args: { referralId: REFERRAL_ID, reasonCode, ...(notes === undefined ? {} : { notes }) },
  }),
  markWon: (notes?: string): Intent => ({
    name: 'markWon',
    args: { referralId: REFERRAL_ID, ...(notes === undefined ? {} : { notes }) },
  }),
  markLost: (reasonCode: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 = 1): Intent => ({
    name: 'markLost',
    args: { referralId: REFERRAL_ID, reasonCode },
  }),
  setFavorite: (favorite = true): Intent => ({
    name: 'setFavorite',
    args: { referralId: REFERRAL_ID, favorite },
  }),
  editDeal: (fields: Extract<Intent, { name: 'editDeal' }>['args']['fields'], baseVersion = 10): Intent => ({
    name: 'editDeal',
    args: { referralId: REFERRAL_ID, fields, baseVersion },
  }),
  addTeamMember: (email = 'grace@partner.example'): Intent => ({
    name: 'addTeamMember',
    args: {
      referralId: REFERRAL_ID,
      member: { firstName: 'Grace', lastName: 'Hopper', email, phoneNumber: '' },
    },
  }),
  addNote: (noteId = NOTE_ID, text = 'Called the customer.'): Intent => ({
    name: 'addNote',
    args: { referralId: REFERRAL_ID, noteId, text },
  }),
};

/** Deep-freezes a value so that any mutation by the code under test throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
