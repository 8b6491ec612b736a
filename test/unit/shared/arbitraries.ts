import fc from 'fast-check';
import { IntentSchema, ReferralSchema } from '../../../src-shared/index';
import type { DecisionContext, Intent, Referral } from '../../../src-shared/index';

// fast-check arbitraries that produce values passing the shared schemas, so properties exercise
// the domain logic rather than the parser.

const MIN = new Date('2020-01-01T00:00:00.000Z');
const MAX = new Date('2030-12-31T23:59:59.999Z');

export const isoArb = fc.date({ min: MIN, max: MAX, noInvalidDate: true }).map((d) => d.toISOString());
export const calendarDateArb = fc
  .date({ min: MIN, max: MAX, noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
export const referralIdArb = fc.constantFrom('r-1', 'r-2', '7c1d2f4e-9a3b-4c5d-8e6f-0a1b2c3d4e5f');

const knownPairs: [string, string][] = [
  ['New', 'Pending'],
  ['New', 'Received'],
  ['Active', 'Accepted'],
  ['Closed', 'Won'],
  ['Closed', 'Lost'],
  ['Closed', 'Declined'],
  ['Closed', 'Expired'],
];
export const statusPairArb: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...knownPairs) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom('Closed', 'Active', 'New', 'Weird', ''),
      fc.constantFrom('Mystery', 'Accepted', 'Won', ''),
    ),
  },
);

// A small address space so that duplicates (in any letter case) actually occur.
const emailArb = fc
  .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,3}$/), fc.constantFrom('contoso.com', 'Fabrikam.se'))
  .map(([local, domain]) => `${local}@${domain}`);
export const memberArb = fc.record({
  firstName: fc.string({ maxLength: 10 }),
  lastName: fc.string({ maxLength: 10 }),
  email: fc.oneof(emailArb, fc.constant('')),
  phoneNumber: fc.string({ maxLength: 10 }),
});
const memberInputArb = fc.record({
  firstName: fc.string({ maxLength: 10 }),
  lastName: fc.string({ maxLength: 10 }),
  email: emailArb,
  phoneNumber: fc.string({ maxLength: 10 }),
});

export const referralArb: fc.Arbitrary<Referral> = fc
  .record({
    id: referralIdArb,
    pair: statusPairArb,
    createdDateTime: isoArb,
    expirationDateTime: fc.option(isoArb),
    favorite: fc.boolean(),
    name: fc.string({ maxLength: 12 }),
    dealValue: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true })),
    currency: fc.constantFrom('EUR', 'SEK', 'USD', ''),
    closingDateTime: fc.option(calendarDateArb),
    team: fc.array(memberArb, { maxLength: 3 }),
    notes: fc.array(fc.record({ id: fc.uuid(), text: fc.string(), createdAt: isoArb }), { maxLength: 2 }),
    type: fc.constantFrom('Independent', 'Shared', 'Other'),
    qualification: fc.constantFrom('None', 'Direct', 'MarketingQualified', 'SalesQualified', 'X'),
    orgId: fc.option(fc.constantFrom('msft', 'partner-1', '')),
  })
  .map(({ pair, orgId, dealValue, currency, closingDateTime, ...rest }) =>
    ReferralSchema.parse({
      ...rest,
      status: pair[0],
      substatus: pair[1],
      updatedDateTime: rest.createdDateTime,
      details: { dealValue, currency, closingDateTime },
      inviteContext: orgId === null ? null : { invitedBy: { organizationId: orgId } },
    }),
  );

const reasonArb = fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8);
const nameArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const currencyArb = fc.constantFrom('EUR', 'SEK', 'USD');
const dealValueArb = fc.double({ min: 0, max: 1e9, noNaN: true });

const dealFieldsArb = fc
  .record(
    {
      name: nameArb,
      dealValue: dealValueArb,
      currency: currencyArb,
      closingDate: calendarDateArb,
      notes: fc.string({ maxLength: 20 }),
      externalReferenceId: fc.string({ maxLength: 8 }),
      campaignId: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: [] },
  )
  .filter((fields) => Object.keys(fields).length > 0);

export function intentArb(referralId: fc.Arbitrary<string> = referralIdArb): fc.Arbitrary<Intent> {
  const raw = fc.oneof(
    fc.record({
      name: fc.constant('accept'),
      args: fc.record(
        {
          referralId,
          name: nameArb,
          dealValue: dealValueArb,
          currency: currencyArb,
          closingDate: calendarDateArb,
          notes: fc.string({ maxLength: 20 }),
          externalReferenceId: fc.string({ maxLength: 8 }),
          campaignId: fc.string({ maxLength: 8 }),
          team: fc.array(memberInputArb, { maxLength: 3 }),
        },
        { requiredKeys: ['referralId', 'name', 'dealValue', 'currency', 'closingDate'] },
      ),
    }),
    fc.record({
      name: fc.constant('decline'),
      args: fc.record(
        { referralId, reasonCode: reasonArb, notes: fc.string({ maxLength: 20 }) },
        { requiredKeys: ['referralId', 'reasonCode'] },
      ),
    }),
    fc.record({
      name: fc.constant('markWon'),
      args: fc.record({ referralId, notes: fc.string({ maxLength: 20 }) }, { requiredKeys: ['referralId'] }),
    }),
    fc.record({
      name: fc.constant('markLost'),
      args: fc.record(
        { referralId, reasonCode: reasonArb, notes: fc.string({ maxLength: 20 }) },
        { requiredKeys: ['referralId', 'reasonCode'] },
      ),
    }),
    fc.record({ name: fc.constant('setFavorite'), args: fc.record({ referralId, favorite: fc.boolean() }) }),
    fc.record({
      name: fc.constant('editDeal'),
      args: fc.record({ referralId, fields: dealFieldsArb, baseVersion: fc.nat({ max: 50 }) }),
    }),
    fc.record({
      name: fc.constant('addTeamMember'),
      args: fc.record({ referralId, member: memberInputArb }),
    }),
    fc.record({
      name: fc.constant('addNote'),
      args: fc.record({ referralId, noteId: fc.uuid(), text: nameArb }),
    }),
  );
  // Through the schema, so trimming and stripping are applied exactly as the service would.
  return raw.map((value) => IntentSchema.parse(value));
}

export function ctxArb(referralId: fc.Arbitrary<string> = referralIdArb): fc.Arbitrary<DecisionContext> {
  return fc
    .record({
      now: isoArb,
      actionTime: isoArb,
      version: fc.integer({ min: 51, max: 1000 }),
      rejected: fc.option(fc.array(referralId, { maxLength: 2 })),
      fieldVersions: fc.option(
        fc.dictionary(
          fc.constantFrom(
            'name',
            'dealValue',
            'currency',
            'closingDate',
            'notes',
            'externalReferenceId',
            'campaignId',
          ),
          fc.nat({ max: 50 }),
        ),
      ),
    })
    .map(({ rejected, fieldVersions, ...rest }) => ({
      ...rest,
      actor: { userId: 'u-1', displayName: 'Ada', email: 'ada@partner.example' },
      deviceId: 'd-1',
      ...(rejected ? { rejectedAcceptIds: new Set(rejected) } : {}),
      ...(fieldVersions ? { fieldVersions } : {}),
    }));
}
