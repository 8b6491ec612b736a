import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLeadSource, ParsedLeadSourceSchema } from '../../../../src-shared/index';
import type { ParsedLeadSource } from '../../../../src-shared/index';

const RUNS = { numRuns: 300 };

const examples: [string, Omit<ParsedLeadSource, 'raw'>][] = [
  [
    'AzureMarketplace-INS | contoso.contoso-crm-connector',
    {
      source: 'AzureMarketplace',
      sourceLabel: 'Azure Marketplace',
      action: 'INS',
      actionLabel: 'Install',
      offer: 'contoso.contoso-crm-connector',
      publisherId: 'contoso',
      offerId: 'contoso-crm-connector',
    },
  ],
  [
    'AppSource (SPZA)-PLT|Contoso CRM Connector',
    {
      source: 'AppSource',
      sourceLabel: 'AppSource',
      action: 'PLT',
      actionLabel: 'Contact me',
      offer: 'Contoso CRM Connector',
      publisherId: null,
      offerId: null,
    },
  ],
  [
    'AzurePortal-Create|contoso.vm-offer',
    {
      source: 'AzurePortal',
      sourceLabel: 'Azure portal',
      action: 'Create',
      actionLabel: 'Create',
      offer: 'contoso.vm-offer',
      publisherId: 'contoso',
      offerId: 'vm-offer',
    },
  ],
  [
    'AzureMarketplace-StartTestDrive | contoso.testdrive',
    {
      source: 'AzureMarketplace',
      sourceLabel: 'Azure Marketplace',
      action: 'StartTestDrive',
      actionLabel: 'Test drive',
      offer: 'contoso.testdrive',
      publisherId: 'contoso',
      offerId: 'testdrive',
    },
  ],
  [
    'AppSource-DNC | fabrikam.erp',
    {
      source: 'AppSource',
      sourceLabel: 'AppSource',
      action: 'DNC',
      actionLabel: 'Do not contact',
      offer: 'fabrikam.erp',
      publisherId: 'fabrikam',
      offerId: 'erp',
    },
  ],
  [
    'AzurePortal-Create',
    {
      source: 'AzurePortal',
      sourceLabel: 'Azure portal',
      action: 'Create',
      actionLabel: 'Create',
      offer: null,
      publisherId: null,
      offerId: null,
    },
  ],
  [
    '|contoso.offer',
    {
      source: null,
      sourceLabel: '',
      action: null,
      actionLabel: '',
      offer: 'contoso.offer',
      publisherId: 'contoso',
      offerId: 'offer',
    },
  ],
  [
    '',
    {
      source: null,
      sourceLabel: '',
      action: null,
      actionLabel: '',
      offer: null,
      publisherId: null,
      offerId: null,
    },
  ],
  [
    'azuremarketplace-ins|Contoso.CRM',
    {
      source: 'AzureMarketplace',
      sourceLabel: 'Azure Marketplace',
      action: 'INS',
      actionLabel: 'Install',
      offer: 'Contoso.CRM',
      publisherId: 'Contoso',
      offerId: 'CRM',
    },
  ],
  [
    'AzureMarketplace-starttestdrive | | contoso.x | extra',
    {
      source: 'AzureMarketplace',
      sourceLabel: 'Azure Marketplace',
      action: 'StartTestDrive',
      actionLabel: 'Test drive',
      offer: 'contoso.x',
      publisherId: 'contoso',
      offerId: 'x',
    },
  ],
  [
    'NewChannel-FreeTrial | Contoso Suite',
    {
      source: 'NewChannel',
      sourceLabel: 'NewChannel',
      action: 'FreeTrial',
      actionLabel: 'FreeTrial',
      offer: 'Contoso Suite',
      publisherId: null,
      offerId: null,
    },
  ],
  [
    'PLT',
    {
      source: null,
      sourceLabel: '',
      action: 'PLT',
      actionLabel: 'Contact me',
      offer: null,
      publisherId: null,
      offerId: null,
    },
  ],
];

describe('parseLeadSource', () => {
  it.each(examples)('%j', (raw, expected) => {
    expect(parseLeadSource(raw)).toEqual({ raw, ...expected });
  });

  it.each([null, undefined, 42, {}, [], true])('non-string %j gives an empty parse', (value) => {
    const parsed = parseLeadSource(value);
    expect(parsed.source).toBeNull();
    expect(parsed.offer).toBeNull();
  });

  it('never throws on arbitrary strings, and its result always fits the schema', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const parsed = parseLeadSource(s);
        expect(parsed.raw).toBe(s);
        expect(ParsedLeadSourceSchema.safeParse(parsed).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => parseLeadSource(value)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('reads every documented source × action × offer combination, with or without spaces around the bar', () => {
    const sources = {
      AzureMarketplace: 'AzureMarketplace',
      AzurePortal: 'AzurePortal',
      'AppSource (SPZA)': 'AppSource',
    } as const;
    const actions = ['INS', 'PLT', 'DNC', 'Create', 'StartTestDrive'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(sources) as (keyof typeof sources)[])),
        fc.constantFrom(...actions),
        fc.constantFrom(' | ', '|', ' |', '| '),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\.[a-z][a-z0-9-]{0,8}$/),
        (source, action, bar, offer) => {
          const parsed = parseLeadSource(`${source}-${action}${bar}${offer}`);
          expect(parsed.source).toBe(sources[source]);
          expect(parsed.action).toBe(action);
          expect(parsed.offer).toBe(offer);
          expect(`${parsed.publisherId}.${parsed.offerId}`).toBe(offer);
        },
      ),
      RUNS,
    );
  });
});
