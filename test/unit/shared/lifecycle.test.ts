import { describe, expect, it } from 'vitest';
import { decide, ReferralSchema } from '../../../src-shared/index';
import type { Decision, DecisionContext, Intent, Referral } from '../../../src-shared/index';
import {
  AFTER_DEADLINE,
  BEFORE_DEADLINE,
  DEADLINE,
  deepFreeze,
  inState,
  intents,
  makeCtx,
  NOTE_ID,
  makeReferral,
  REFERRAL_ID,
} from './fixtures';

interface Row {
  row: string;
  referral: Referral | null;
  intent: Intent;
  ctx?: Partial<DecisionContext>;
  outcome: Decision['outcome'];
  reason?: string;
  to?: [string, string];
  lateArrival?: boolean;
  conflicts?: { field: string; yours: unknown; theirs: unknown }[];
}

const accepted = (fields: Record<string, unknown> = {}) =>
  inState('accepted', {
    name: 'Fabrikam CRM rollout',
    details: { dealValue: 25000, currency: 'EUR', closingDateTime: '2025-06-30', notes: 'first notes' },
    ...fields,
  });

// One case per row of sync-protocol.md section 4.
const rows: Row[] = [
  {
    row: 'accept | Received, before the deadline',
    referral: inState('received'),
    intent: intents.accept(),
    outcome: 'applied',
    to: ['Active', 'Accepted'],
  },
  {
    row: 'accept | Pending, before the deadline',
    referral: inState('pending'),
    intent: intents.accept(),
    outcome: 'applied',
    to: ['Active', 'Accepted'],
  },
  { row: 'accept | Accepted', referral: inState('accepted'), intent: intents.accept(), outcome: 'noop' },
  { row: 'accept | Won', referral: inState('won'), intent: intents.accept(), outcome: 'noop' },
  { row: 'accept | Lost', referral: inState('lost'), intent: intents.accept(), outcome: 'noop' },
  {
    row: 'accept | Declined',
    referral: inState('declined'),
    intent: intents.accept(),
    outcome: 'rejected',
    reason: 'already_declined',
  },
  {
    row: 'accept | Expired, action before the deadline (late arrival)',
    referral: inState('expired', { closedDateTime: DEADLINE }),
    intent: intents.accept(),
    ctx: { now: AFTER_DEADLINE, actionTime: BEFORE_DEADLINE },
    outcome: 'applied',
    to: ['Active', 'Accepted'],
    lateArrival: true,
  },
  {
    row: 'accept | Expired, action after the deadline',
    referral: inState('expired'),
    intent: intents.accept(),
    ctx: { now: AFTER_DEADLINE, actionTime: AFTER_DEADLINE },
    outcome: 'rejected',
    reason: 'expired',
  },
  {
    row: 'accept | Received but past the deadline (not swept yet)',
    referral: inState('received'),
    intent: intents.accept(),
    ctx: { now: AFTER_DEADLINE, actionTime: AFTER_DEADLINE },
    outcome: 'rejected',
    reason: 'expired',
  },
  {
    row: 'decline | Received',
    referral: inState('received'),
    intent: intents.decline(),
    outcome: 'applied',
    to: ['Closed', 'Declined'],
  },
  { row: 'decline | Declined', referral: inState('declined'), intent: intents.decline(), outcome: 'noop' },
  { row: 'decline | Expired', referral: inState('expired'), intent: intents.decline(), outcome: 'noop' },
  {
    row: 'decline | Accepted',
    referral: inState('accepted'),
    intent: intents.decline(),
    outcome: 'rejected',
    reason: 'already_accepted',
  },
  {
    row: 'decline | Won',
    referral: inState('won'),
    intent: intents.decline(),
    outcome: 'rejected',
    reason: 'already_accepted',
  },
  {
    row: 'decline | Lost',
    referral: inState('lost'),
    intent: intents.decline(),
    outcome: 'rejected',
    reason: 'already_accepted',
  },
  {
    row: 'markWon | Accepted',
    referral: inState('accepted'),
    intent: intents.markWon(),
    outcome: 'applied',
    to: ['Closed', 'Won'],
  },
  {
    row: 'markLost | Accepted',
    referral: inState('accepted'),
    intent: intents.markLost(),
    outcome: 'applied',
    to: ['Closed', 'Lost'],
  },
  {
    row: 'markWon | Won (same terminal state)',
    referral: inState('won'),
    intent: intents.markWon(),
    outcome: 'noop',
  },
  {
    row: 'markLost | Lost (same terminal state)',
    referral: inState('lost'),
    intent: intents.markLost(),
    outcome: 'noop',
  },
  {
    row: 'markWon | Lost',
    referral: inState('lost'),
    intent: intents.markWon(),
    outcome: 'rejected',
    reason: 'already_closed',
  },
  {
    row: 'markLost | Won',
    referral: inState('won'),
    intent: intents.markLost(),
    outcome: 'rejected',
    reason: 'already_closed',
  },
  {
    row: 'markWon | Received',
    referral: inState('received'),
    intent: intents.markWon(),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
  {
    row: 'markLost | Declined',
    referral: inState('declined'),
    intent: intents.markLost(),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
  {
    row: 'markWon | Expired',
    referral: inState('expired'),
    intent: intents.markWon(),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
  ...(Object.entries(intents) as [string, () => Intent][]).map(([name, make]) => ({
    row: `${name} | referral not visible`,
    referral: null,
    intent: make(),
    outcome: 'rejected' as const,
    reason: 'not_found',
  })),
  {
    row: 'markWon after a rejected accept from the same device',
    referral: inState('accepted'),
    intent: intents.markWon(),
    ctx: { rejectedAcceptIds: new Set([REFERRAL_ID]) },
    outcome: 'rejected',
    reason: 'dependency_rejected',
  },
  {
    row: 'markLost after a rejected accept from the same device',
    referral: inState('declined'),
    intent: intents.markLost(),
    ctx: { rejectedAcceptIds: new Set([REFERRAL_ID]) },
    outcome: 'rejected',
    reason: 'dependency_rejected',
  },
  {
    row: 'setFavorite | Received',
    referral: inState('received'),
    intent: intents.setFavorite(true),
    outcome: 'applied',
    to: ['New', 'Received'],
  },
  {
    row: 'setFavorite | Won (terminal, still visible)',
    referral: inState('won'),
    intent: intents.setFavorite(true),
    outcome: 'applied',
    to: ['Closed', 'Won'],
  },
  {
    row: 'setFavorite | same value',
    referral: inState('received', { favorite: true }),
    intent: intents.setFavorite(true),
    outcome: 'noop',
  },
  {
    row: 'editDeal | Accepted, field unchanged since baseVersion → applied',
    referral: accepted(),
    intent: intents.editDeal({ dealValue: 30000 }, 10),
    ctx: { fieldVersions: { dealValue: 8 } },
    outcome: 'applied',
    to: ['Active', 'Accepted'],
  },
  {
    row: 'editDeal | Accepted, equal value → noop',
    referral: accepted(),
    intent: intents.editDeal({ dealValue: 25000 }, 10),
    ctx: { fieldVersions: { dealValue: 12 } },
    outcome: 'noop',
  },
  {
    row: 'editDeal | Accepted, changed by someone else → conflict, service value stays',
    referral: accepted(),
    intent: intents.editDeal({ dealValue: 30000 }, 10),
    ctx: { fieldVersions: { dealValue: 12 } },
    outcome: 'rejected',
    reason: 'conflict',
    conflicts: [{ field: 'dealValue', yours: 30000, theirs: 25000 }],
  },
  {
    row: 'editDeal | Accepted, one field applied and one in conflict',
    referral: accepted(),
    intent: intents.editDeal({ name: 'Renamed deal', currency: 'SEK' }, 10),
    ctx: { fieldVersions: { currency: 11, name: 3 } },
    outcome: 'applied',
    to: ['Active', 'Accepted'],
    conflicts: [{ field: 'currency', yours: 'SEK', theirs: 'EUR' }],
  },
  {
    row: 'editDeal | field last changed at baseVersion itself (the user saw it) → applied',
    referral: accepted(),
    intent: intents.editDeal({ dealValue: 30000 }, 10),
    ctx: { fieldVersions: { dealValue: 10 } },
    outcome: 'applied',
    to: ['Active', 'Accepted'],
  },
  {
    row: 'accept | action exactly at the deadline',
    referral: inState('received'),
    intent: intents.accept(),
    ctx: { now: DEADLINE, actionTime: DEADLINE },
    outcome: 'rejected',
    reason: 'expired',
  },
  {
    row: 'editDeal | Received',
    referral: inState('received'),
    intent: intents.editDeal({ name: 'x' }),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
  {
    row: 'editDeal | Won',
    referral: inState('won'),
    intent: intents.editDeal({ name: 'x' }),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
  {
    row: 'addNote | Received',
    referral: inState('received'),
    intent: intents.addNote(),
    outcome: 'applied',
    to: ['New', 'Received'],
  },
  {
    row: 'addNote | Declined (terminal included)',
    referral: inState('declined'),
    intent: intents.addNote(),
    outcome: 'applied',
    to: ['Closed', 'Declined'],
  },
  {
    row: 'addNote | same noteId already present',
    referral: inState('won', {
      notes: [{ id: NOTE_ID, text: 'x', author: 'Ada', createdAt: BEFORE_DEADLINE }],
    }),
    intent: intents.addNote(),
    outcome: 'noop',
  },
  {
    row: 'addTeamMember | Accepted',
    referral: inState('accepted'),
    intent: intents.addTeamMember(),
    outcome: 'applied',
    to: ['Active', 'Accepted'],
  },
  {
    row: 'addTeamMember | Accepted, same email already on the team',
    referral: inState('accepted', {
      team: [{ firstName: 'G', lastName: 'H', email: 'GRACE@partner.example', phoneNumber: '' }],
    }),
    intent: intents.addTeamMember(),
    outcome: 'noop',
  },
  {
    row: 'addTeamMember | Received',
    referral: inState('received'),
    intent: intents.addTeamMember(),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
  {
    row: 'addTeamMember | Lost (read-only)',
    referral: inState('lost'),
    intent: intents.addTeamMember(),
    outcome: 'rejected',
    reason: 'invalid_state',
  },
];

describe('decide: the lifecycle table', () => {
  it.each(rows)(
    '$row → $outcome $reason',
    ({ referral, intent, ctx, outcome, reason, to, lateArrival, conflicts }) => {
      const decision = decide(referral && deepFreeze(referral), intent, makeCtx(ctx));
      expect(decision.outcome).toBe(outcome);
      if (reason !== undefined) expect('reason' in decision ? decision.reason : undefined).toBe(reason);
      if (conflicts) expect(decision.conflicts).toEqual(conflicts);
      else expect(decision.conflicts).toBeUndefined();
      if (decision.outcome === 'applied') {
        expect(to).toBeDefined();
        expect([decision.referral.status, decision.referral.substatus]).toEqual(to);
        expect(decision.audit.to).toEqual({ status: to?.[0], substatus: to?.[1] });
        expect(decision.audit.from).toEqual({ status: referral?.status, substatus: referral?.substatus });
        expect(decision.lateArrival ?? false).toBe(lateArrival ?? false);
        expect(decision.referral.updatedDateTime).toBe(makeCtx(ctx).now);
        expect(decision.referral.eTag).toBe('W/"42"');
        expect(ReferralSchema.safeParse(decision.referral).success).toBe(true);
      }
    },
  );
});

function appliedReferral(decision: Decision): Referral {
  if (decision.outcome !== 'applied') throw new Error(`expected applied, got ${decision.outcome}`);
  return decision.referral;
}

describe('decide: effects of applied intents', () => {
  it('accept writes the deal fields, acceptedDateTime = now and appends the team without duplicates', () => {
    const before = deepFreeze(
      inState('received', {
        team: [{ firstName: 'Ada', lastName: 'L', email: 'ada@partner.example', phoneNumber: '' }],
      }),
    );
    const decision = decide(
      before,
      intents.accept({
        notes: 'Kick-off next week',
        externalReferenceId: 'CRM-123',
        campaignId: 'CMP-9',
        team: [
          { firstName: 'Ada', lastName: 'L', email: 'ADA@partner.example', phoneNumber: '' },
          { firstName: 'Grace', lastName: 'H', email: 'grace@partner.example', phoneNumber: '+46 8 123' },
        ],
      }),
      makeCtx({ now: '2025-03-11T08:00:00.000Z' }),
    );
    const after = appliedReferral(decision);
    expect(after.name).toBe('Fabrikam CRM rollout');
    expect(after.details).toMatchObject({
      dealValue: 25000,
      currency: 'EUR',
      closingDateTime: '2025-06-30',
      notes: 'Kick-off next week',
    });
    expect(after.externalReferenceId).toBe('CRM-123');
    expect(after.campaignId).toBe('CMP-9');
    expect(after.acceptedDateTime).toBe('2025-03-11T08:00:00.000Z');
    expect(after.team.map((m) => m.email)).toEqual(['ada@partner.example', 'grace@partner.example']);
    expect(decision.outcome === 'applied' && decision.changedFields).toEqual([
      'name',
      'dealValue',
      'currency',
      'closingDate',
      'notes',
      'externalReferenceId',
      'campaignId',
    ]);
    expect(before.substatus).toBe('Received');
  });

  it('accept while Received but after the deadline by the service clock is applied and flagged late', () => {
    const decision = decide(
      inState('received'),
      intents.accept(),
      makeCtx({ now: AFTER_DEADLINE, actionTime: BEFORE_DEADLINE }),
    );
    expect(decision.outcome).toBe('applied');
    expect(decision.outcome === 'applied' && decision.lateArrival).toBe(true);
    expect(decision.outcome === 'applied' && decision.audit.lateArrival).toBe(true);
  });

  it('a late-arriving accept clears the expiry closure', () => {
    const after = appliedReferral(
      decide(
        inState('expired', { closedDateTime: DEADLINE, statusReason: 'Expired' }),
        intents.accept(),
        makeCtx({ now: AFTER_DEADLINE }),
      ),
    );
    expect(after.closedDateTime).toBeNull();
    expect(after.statusReason).toBe('');
  });

  it('the expirationDateTime overrides created + 14 days', () => {
    const early = inState('received', { expirationDateTime: '2025-03-05T00:00:00Z' });
    expect(decide(early, intents.accept(), makeCtx({ actionTime: '2025-03-06T00:00:00.000Z' }))).toEqual({
      outcome: 'rejected',
      reason: 'expired',
    });
    expect(decide(early, intents.accept(), makeCtx({ actionTime: '2025-03-04T23:59:59.000Z' })).outcome).toBe(
      'applied',
    );
  });

  it('decline records the reason code, the English label with notes, and closedDateTime', () => {
    const after = appliedReferral(
      decide(inState('received'), intents.decline(3, 'Went with a competitor'), makeCtx()),
    );
    expect(after.reasonCode).toBe(3);
    expect(after.statusReason).toBe('Customer chose another vendor: Went with a competitor');
    expect(after.closedDateTime).toBe(BEFORE_DEADLINE);
    expect(appliedReferral(decide(inState('received'), intents.decline(7), makeCtx())).statusReason).toBe(
      'Abuse, spam or phishing',
    );
  });

  it('markLost records the reason; markWon closes with the notes', () => {
    const lost = appliedReferral(decide(inState('accepted'), intents.markLost(6), makeCtx()));
    expect(lost).toMatchObject({
      reasonCode: 6,
      statusReason: 'Timeline too short',
      closedDateTime: BEFORE_DEADLINE,
    });
    const won = appliedReferral(decide(inState('accepted'), intents.markWon('Signed'), makeCtx()));
    expect(won).toMatchObject({ reasonCode: null, statusReason: 'Signed', closedDateTime: BEFORE_DEADLINE });
  });

  it('editDeal writes only the applied fields and reports them', () => {
    const before = deepFreeze(accepted());
    const decision = decide(
      before,
      intents.editDeal({ name: 'Renamed deal', currency: 'SEK', closingDate: '2025-07-01' }, 10),
      makeCtx({ fieldVersions: { currency: 11 } }),
    );
    const after = appliedReferral(decision);
    expect(after.name).toBe('Renamed deal');
    expect(after.details.currency).toBe('EUR');
    expect(after.details.closingDateTime).toBe('2025-07-01');
    expect(decision.outcome === 'applied' && decision.changedFields).toEqual(['name', 'closingDate']);
  });

  it('addNote appends with the actor and the service time, keeping earlier notes', () => {
    const first = {
      id: 'n-0',
      text: 'older',
      author: 'Bob',
      authorId: 'u-2',
      createdAt: '2025-03-02T00:00:00Z',
    };
    const after = appliedReferral(
      decide(inState('won', { notes: [first] }), intents.addNote(), makeCtx({ now: AFTER_DEADLINE })),
    );
    expect(after.notes).toEqual([
      first,
      {
        id: NOTE_ID,
        text: 'Called the customer.',
        author: 'Ada Lovelace',
        authorId: 'u-1',
        createdAt: AFTER_DEADLINE,
      },
    ]);
  });

  it('a referral whose id differs from the intent is treated as not found', () => {
    const other = inState('received', { id: 'another-id' });
    expect(decide(other, intents.setFavorite(), makeCtx())).toEqual({
      outcome: 'rejected',
      reason: 'not_found',
    });
  });

  it('unknown statuses: Closed with an unknown substatus is terminal', () => {
    const odd = makeReferral({ status: 'Closed', substatus: 'Archived' });
    expect(decide(odd, intents.accept(), makeCtx()).outcome).toBe('rejected');
    expect(decide(odd, intents.decline(), makeCtx()).outcome).toBe('rejected');
    expect(decide(odd, intents.markWon(), makeCtx()).outcome).toBe('rejected');
  });
});
