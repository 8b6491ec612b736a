import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dedupeKey,
  isTestLead,
  mergeMarketplaceAction,
  normalizeHttpsLead,
  normalizeTableRow,
  ReferralSchema,
  tabOf,
} from '../../../../src-shared/index';
import type { NormalizedLead, NormalizeResult } from '../../../../src-shared/index';

const RUNS = { numRuns: 300 };
const NOW = '2025-04-01T12:00:00.000Z';
const ctx = { id: 'lead-1', engagementId: 'eng-lead-1', now: NOW };

const body = {
  UserDetails: {
    FirstName: 'Jane',
    LastName: 'Doe',
    Email: ' Jane@Contoso.com ',
    Phone: '+33 1 23 45 67 89',
    Country: 'FR',
    Company: 'Contoso SARL',
    Title: 'CTO',
  },
  LeadSource: 'AppSource (SPZA)-PLT | contoso.crm',
  ActionCode: 'PLT',
  OfferTitle: 'Contoso CRM',
  Description: 'Please call me',
};

function ok(result: NormalizeResult): NormalizedLead {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return result;
}

describe('normalizeHttpsLead', () => {
  it('builds a New/Received marketplace referral with the contact, the action and the raw body', () => {
    const lead = ok(normalizeHttpsLead(body, ctx));
    const r = lead.referral;
    expect(ReferralSchema.safeParse(r).success).toBe(true);
    expect(r).toMatchObject({
      id: 'lead-1',
      engagementId: 'eng-lead-1',
      status: 'New',
      substatus: 'Received',
      type: 'Independent',
      qualification: 'Direct',
      direction: 'Incoming',
      source: 'marketplace',
      createdDateTime: NOW,
      name: 'Contoso CRM',
      customerProfile: {
        name: 'Contoso SARL',
        address: { country: 'FR' },
        team: [
          {
            firstName: 'Jane',
            lastName: 'Doe',
            email: 'Jane@Contoso.com',
            phoneNumber: '+33 1 23 45 67 89',
            title: 'CTO',
          },
        ],
      },
      details: { customerRequestedContact: true, notes: 'Please call me' },
    });
    expect(r.raw).toBe(body);
    expect(r.marketplace?.leadSource).toMatchObject({
      source: 'AppSource',
      action: 'PLT',
      publisherId: 'contoso',
      offerId: 'crm',
    });
    expect(r.marketplace?.actions).toEqual([
      { action: 'PLT', leadSource: body.LeadSource, receivedAt: NOW, description: 'Please call me' },
    ]);
    expect(lead.dedupeKey).toBe('jane@contoso.com|contoso.crm');
    expect(r.marketplace?.dedupeKey).toBe(lead.dedupeKey);
    expect(lead.isTest).toBe(false);
    expect(tabOf(r)).toBe('marketplace');
  });

  it('matches keys case-insensitively at every level', () => {
    const lower = ok(
      normalizeHttpsLead(
        {
          userdetails: { firstname: 'Jane', LASTNAME: 'Doe', eMail: 'jane@contoso.com', company: 'Contoso' },
          leadsource: 'AzureMarketplace-INS|contoso.crm',
          OFFERTITLE: 'Contoso CRM',
        },
        ctx,
      ),
    );
    expect(lower.referral.customerProfile.team[0]).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@contoso.com',
    });
    expect(lower.referral.customerProfile.name).toBe('Contoso');
    expect(lower.referral.marketplace?.leadSource.action).toBe('INS');
    expect(lower.referral.details.customerRequestedContact).toBeNull();
    expect(lower.dedupeKey).toBe('jane@contoso.com|contoso.crm');
  });

  it('uses ActionCode when LeadSource has no action, and the offer title for the key when there is no offer id', () => {
    const lead = ok(
      normalizeHttpsLead(
        { UserDetails: { Email: 'a@b.se' }, ActionCode: 'plt', OfferTitle: ' Contoso CRM ' },
        ctx,
      ),
    );
    expect(lead.referral.details.customerRequestedContact).toBe(true);
    expect(lead.referral.marketplace?.actions[0]?.action).toBe('PLT');
    expect(lead.dedupeKey).toBe('a@b.se|contoso crm');
  });

  it('marks test leads wherever MSFT_TEST appears', () => {
    const lead = ok(
      normalizeHttpsLead({ ...body, UserDetails: { ...body.UserDetails, LastName: 'msft_test' } }, ctx),
    );
    expect(lead.isTest).toBe(true);
    expect(lead.referral.marketplace?.isTest).toBe(true);
  });

  it('keeps leads with only a company or a phone, but refuses those with nothing to contact', () => {
    expect(normalizeHttpsLead({ UserDetails: { Company: 'Contoso' } }, ctx).ok).toBe(true);
    expect(normalizeHttpsLead({ UserDetails: { Phone: '+46 8 123' } }, ctx).ok).toBe(true);
    expect(
      normalizeHttpsLead(
        { UserDetails: { Country: 'SE', Title: '' }, LeadSource: 'AzurePortal-Create' },
        ctx,
      ),
    ).toEqual({ ok: false, reason: 'no_customer_fields' });
    expect(normalizeHttpsLead({}, ctx)).toEqual({ ok: false, reason: 'no_customer_fields' });
  });

  it('refuses what is not an object', () => {
    for (const value of [null, 'text', 42, [body], undefined]) {
      expect(normalizeHttpsLead(value, ctx)).toEqual({ ok: false, reason: 'not_an_object' });
    }
  });

  it('never merges two leads without an email', () => {
    const a = ok(
      normalizeHttpsLead({ UserDetails: { Company: 'Uni' }, OfferTitle: 'X' }, { ...ctx, id: 'a' }),
    );
    const b = ok(
      normalizeHttpsLead({ UserDetails: { Company: 'Uni' }, OfferTitle: 'X' }, { ...ctx, id: 'b' }),
    );
    expect(a.dedupeKey).not.toBe(b.dedupeKey);
  });

  it('never throws on arbitrary values and JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        const result = normalizeHttpsLead(value, ctx);
        if (result.ok) expect(ReferralSchema.safeParse(result.referral).success).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('normalizeTableRow', () => {
  const row = {
    PartitionKey: 'contoso.crm',
    RowKey: '5c1f0e8a',
    Timestamp: '2025-03-31T08:00:05.123Z',
    ProductId: 'contoso.crm',
    CustomerInfo: JSON.stringify({
      FirstName: 'Sven',
      LastName: 'Svensson',
      Email: 'sven@fabrikam.se',
      Company: 'Fabrikam AB',
      Country: 'SE',
    }),
    LeadSource: 'AzureMarketplace-INS|Contoso CRM',
    ActionCode: 'INS',
    PublisherDisplayName: 'Contoso',
    OfferDisplayName: 'Contoso CRM',
    CreatedTime: '2025-03-31T08:00:00Z',
    Description: '',
  };

  it('reads CustomerInfo as a JSON string and takes createdDateTime from CreatedTime', () => {
    const lead = ok(normalizeTableRow(row, ctx));
    expect(lead.referral.customerProfile).toMatchObject({ name: 'Fabrikam AB', address: { country: 'SE' } });
    expect(lead.referral.customerProfile.team[0]?.email).toBe('sven@fabrikam.se');
    expect(lead.referral.createdDateTime).toBe('2025-03-31T08:00:00.000Z');
    // The display name in LeadSource has no id: ProductId gives the key.
    expect(lead.dedupeKey).toBe('sven@fabrikam.se|contoso.crm');
    expect(lead.referral.raw).toBe(row);
  });

  it('falls back to Timestamp, then to now, for the creation time', () => {
    expect(ok(normalizeTableRow({ ...row, CreatedTime: 'garbage' }, ctx)).referral.createdDateTime).toBe(
      '2025-03-31T08:00:05.123Z',
    );
    expect(
      ok(normalizeTableRow({ ...row, CreatedTime: '2025-03-31T10:00:00+02:00' }, ctx)).referral
        .createdDateTime,
    ).toBe('2025-03-31T08:00:00.000Z');
    expect(
      ok(normalizeTableRow({ ...row, CreatedTime: undefined, Timestamp: undefined }, ctx)).referral
        .createdDateTime,
    ).toBe(NOW);
  });

  it('reports invalid CustomerInfo JSON instead of throwing', () => {
    expect(normalizeTableRow({ ...row, CustomerInfo: '{"Email": ' }, ctx)).toEqual({
      ok: false,
      reason: 'invalid_customer_info',
    });
    expect(normalizeTableRow({ ...row, CustomerInfo: '"just a string"' }, ctx)).toEqual({
      ok: false,
      reason: 'invalid_customer_info',
    });
  });

  it('accepts lower-case column names and a test lead in CustomerInfo', () => {
    const lead = ok(
      normalizeTableRow(
        { customerinfo: JSON.stringify({ email: 'MSFT_TEST@contoso.com' }), productid: 'contoso.crm' },
        ctx,
      ),
    );
    expect(lead.isTest).toBe(true);
  });

  it('never throws on arbitrary values and JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.jsonValue(),
          fc.record({
            CustomerInfo: fc.oneof(
              fc.string(),
              fc.jsonValue().map((v) => JSON.stringify(v)),
            ),
          }),
        ),
        (value) => {
          const result = normalizeTableRow(value, ctx);
          if (result.ok) expect(ReferralSchema.safeParse(result.referral).success).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('isTestLead and dedupeKey', () => {
  it.each<[unknown, boolean]>([
    ['MSFT_TEST', true],
    [{ a: { b: ['x', 'hello msft_Test lead'] } }, true],
    [{ MSFT_TEST: 1 }, true],
    [{ a: 'MSFT-TEST' }, false],
    [null, false],
    [42, false],
  ])('isTestLead(%j) = %s', (value, expected) => {
    expect(isTestLead(value)).toBe(expected);
  });

  it('normalizes email and offer', () => {
    expect(dedupeKey('  Jane@Contoso.COM ', ' Contoso.CRM ')).toBe('jane@contoso.com|contoso.crm');
    expect(dedupeKey(null, undefined)).toBe('|');
  });
});

describe('mergeMarketplaceAction', () => {
  const install = ok(
    normalizeHttpsLead(
      { UserDetails: { Email: 'jane@contoso.com' }, LeadSource: 'AzureMarketplace-INS|contoso.crm' },
      ctx,
    ),
  );
  const later = '2025-04-02T09:00:00.000Z';
  const contactMe = ok(
    normalizeHttpsLead(
      {
        UserDetails: { Email: 'JANE@contoso.com', FirstName: 'Jane', Phone: '+33 1', Company: 'Contoso' },
        LeadSource: 'AppSource (SPZA)-PLT|contoso.crm',
      },
      { ...ctx, id: 'lead-2', now: later },
    ),
  );

  it('appends the action, fills empty contact fields and turns on Contact me', () => {
    expect(contactMe.dedupeKey).toBe(install.dedupeKey);
    const merged = mergeMarketplaceAction(install.referral, contactMe, later);
    expect(merged.id).toBe('lead-1');
    expect(merged.updatedDateTime).toBe(later);
    expect(merged.marketplace?.actions.map((a) => a.action)).toEqual(['INS', 'PLT']);
    expect(merged.marketplace?.actions[1]?.raw).toBe(contactMe.referral.raw);
    expect(merged.customerProfile.team[0]).toMatchObject({
      email: 'jane@contoso.com',
      firstName: 'Jane',
      phoneNumber: '+33 1',
    });
    expect(merged.customerProfile.name).toBe('jane@contoso.com');
    expect(merged.details.customerRequestedContact).toBe(true);
    expect(ReferralSchema.safeParse(merged).success).toBe(true);
    // Merging the same lead again adds nothing.
    expect(mergeMarketplaceAction(merged, contactMe, later).marketplace?.actions).toHaveLength(2);
  });

  it('does not change the lifecycle state', () => {
    const declined = { ...install.referral, status: 'Closed', substatus: 'Declined' };
    const merged = mergeMarketplaceAction(declined, contactMe, later);
    expect([merged.status, merged.substatus]).toEqual(['Closed', 'Declined']);
  });

  it('a real lead merged with a test lead stays visible', () => {
    const test = ok(
      normalizeHttpsLead(
        {
          UserDetails: { Email: 'jane@contoso.com', Company: 'MSFT_TEST' },
          LeadSource: 'AzureMarketplace-INS|contoso.crm',
        },
        { ...ctx, now: later },
      ),
    );
    expect(mergeMarketplaceAction(install.referral, test, later).marketplace?.isTest).toBe(false);
  });
});
