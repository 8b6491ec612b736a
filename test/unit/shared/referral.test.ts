import { describe, expect, it } from 'vitest';
import { CalendarDateSchema, IsoUtcSchema, parseReferral, ReferralSchema } from '../../../src-shared/index';
import { CREATED, makeReferral, REFERRAL_ID } from './fixtures';

const thin = { id: REFERRAL_ID, createdDateTime: CREATED, updatedDateTime: CREATED };

function failedPaths(input: unknown): string[] {
  const result = parseReferral(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('ReferralSchema', () => {
  it('parses a thin payload with defaults for every sub-object', () => {
    const result = parseReferral(thin);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({
      status: 'New',
      substatus: 'Received',
      favorite: false,
      expirationDateTime: null,
      customerProfile: { name: '', address: { country: '' }, team: [], ids: [] },
      consent: { consentToContact: false, consentToToShareInfoWithOthers: false },
      details: { dealValue: null, closingDateTime: null, customerRequestedContact: null, requirements: {} },
      team: [],
      inviteContext: null,
      marketplace: null,
      notes: [],
      source: 'partner-center',
    });
  });

  it('keeps unknown enum values as they are', () => {
    const referral = makeReferral({
      status: 'Suspended',
      substatus: 'OnHold',
      qualification: 'PartnerQualified',
      type: 'Joint',
      direction: 'Sideways',
    });
    expect(referral).toMatchObject({
      status: 'Suspended',
      substatus: 'OnHold',
      qualification: 'PartnerQualified',
      type: 'Joint',
      direction: 'Sideways',
    });
    const ids = makeReferral({ customerProfile: { ids: [{ profileType: 'TaxId', id: 'SE556' }] } })
      .customerProfile.ids;
    expect(ids).toEqual([{ profileType: 'TaxId', id: 'SE556' }]);
  });

  it('keeps unknown keys at every level and the raw payload as-is', () => {
    const raw = { Weird: [1, { nested: true }], 'x-y': null };
    const referral = makeReferral({
      raw,
      referralSource: 'Marketplace',
      details: { requirements: { industries: [{ id: 'retail' }] }, callToAction: 'ContactMe' },
      customerProfile: { address: { country: 'SE', county: 'Stockholm' } },
    } as never);
    expect(referral.raw).toEqual(raw);
    expect(referral['referralSource']).toBe('Marketplace');
    expect(referral.details['callToAction']).toBe('ContactMe');
    expect(referral.details.requirements).toEqual({ industries: [{ id: 'retail' }] });
    expect(referral.customerProfile.address['county']).toBe('Stockholm');
  });

  it('tolerates null strings from upstream', () => {
    const referral = makeReferral({
      externalReferenceId: null,
      statusReason: null,
      team: [{ email: 'a@b.c', title: null }],
    } as never);
    expect(referral.externalReferenceId).toBe('');
    expect(referral.statusReason).toBe('');
    expect(referral.team[0]).toMatchObject({ firstName: '', email: 'a@b.c' });
  });

  it('rejects non-UTC instants and names the field', () => {
    expect(failedPaths({ ...thin, createdDateTime: '2025-03-01T10:00:00+01:00' })).toEqual([
      'createdDateTime',
    ]);
    expect(failedPaths({ ...thin, updatedDateTime: '2025-03-01T10:00:00' })).toEqual(['updatedDateTime']);
    expect(failedPaths({ ...thin, expirationDateTime: '2025-02-30T00:00:00Z' })).toEqual([
      'expirationDateTime',
    ]);
    expect(failedPaths({ ...thin, notes: [{ id: 'n', text: 't', createdAt: '2025-03-01' }] })).toEqual([
      'notes.0.createdAt',
    ]);
  });

  it('keeps the closing date a calendar date', () => {
    expect(makeReferral({ details: { closingDateTime: '2025-03-31' } }).details.closingDateTime).toBe(
      '2025-03-31',
    );
    // Partner Center's UTC-midnight instant becomes its date, never the previous day.
    expect(
      makeReferral({ details: { closingDateTime: '2025-03-31T00:00:00Z' } }).details.closingDateTime,
    ).toBe('2025-03-31');
    expect(failedPaths({ ...thin, details: { closingDateTime: '2025-02-29' } })).toEqual([
      'details.closingDateTime',
    ]);
    expect(failedPaths({ ...thin, details: { closingDateTime: '31/03/2025' } })).toEqual([
      'details.closingDateTime',
    ]);
  });

  it('refuses a payload without an id', () => {
    expect(failedPaths({ createdDateTime: CREATED, updatedDateTime: CREATED })).toEqual(['id']);
  });

  it('re-parsing a parsed referral gives the same value', () => {
    const once = makeReferral({ details: { dealValue: 10 }, team: [{ email: 'x@y.z', title: 'CTO' }] });
    expect(ReferralSchema.parse(once)).toEqual(once);
  });
});

describe('IsoUtcSchema and CalendarDateSchema', () => {
  it.each([
    ['2025-03-01T09:00:00Z', true],
    ['2025-03-01T09:00:00.123Z', true],
    ['2025-03-01T09:00:00+00:00', true],
    ['2025-03-01T09:00Z', true],
    ['2025-03-01T09:00:00+02:00', false],
    ['2025-03-01T09:00:00', false],
    ['2025-03-01', false],
    ['2025-13-01T09:00:00Z', false],
    ['2024-02-29T09:00:00Z', true],
    ['2025-02-29T09:00:00Z', false],
    ['2025-03-01T24:00:00Z', false],
    ['not a date', false],
  ])('IsoUtc %s → %s', (value, ok) => {
    expect(IsoUtcSchema.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['2025-03-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-3-1', false],
    ['2025-03-31T00:00:00Z', false],
  ])('CalendarDate %s → %s', (value, ok) => {
    expect(CalendarDateSchema.safeParse(value).success).toBe(ok);
  });
});
