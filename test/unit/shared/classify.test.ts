import { describe, expect, it } from 'vitest';
import { archiveOutcomeOf, isTerminal, stageOf, tabOf } from '../../../src-shared/index';
import type { ReferralInput } from '../../../src-shared/index';
import { makeReferral } from './fixtures';

const msft = { notes: '', invitedBy: { organizationId: 'msft', organizationName: 'Microsoft' } };
const partner = {
  notes: '',
  invitedBy: { organizationId: 'a1b2c3', organizationName: 'Northwind Partners' },
};

describe('tabOf: the tab table', () => {
  it.each<[string, Partial<ReferralInput>, string]>([
    [
      'Independent / Direct / Microsoft',
      { type: 'Independent', qualification: 'Direct', inviteContext: msft },
      'marketplace',
    ],
    [
      'Independent / Direct / nobody',
      { type: 'Independent', qualification: 'Direct', inviteContext: null },
      'marketplace',
    ],
    [
      'Independent / MarketingQualified / Microsoft',
      { type: 'Independent', qualification: 'MarketingQualified', inviteContext: msft },
      'qualified',
    ],
    [
      'Independent / SalesQualified / Microsoft',
      { type: 'Independent', qualification: 'SalesQualified', inviteContext: msft },
      'qualified',
    ],
    [
      'Independent / SalesQualified / a partner',
      { type: 'Independent', qualification: 'SalesQualified', inviteContext: partner },
      'cosell',
    ],
    [
      'Shared / None / a partner',
      { type: 'Shared', qualification: 'None', inviteContext: partner },
      'cosell',
    ],
    [
      'Shared / SalesQualified / a partner',
      { type: 'Shared', qualification: 'SalesQualified', inviteContext: partner },
      'cosell',
    ],
    [
      'Independent / None / a partner',
      { type: 'Independent', qualification: 'None', inviteContext: partner },
      'cosell',
    ],
    [
      'a marketplace offer lead',
      { source: 'marketplace', type: 'Independent', qualification: 'Direct' },
      'marketplace',
    ],
    [
      'marketplace info even with a partner invite',
      { marketplace: {}, inviteContext: partner },
      'marketplace',
    ],
    [
      'organizationId in other case (MSFT)',
      { qualification: 'SalesQualified', inviteContext: { invitedBy: { organizationId: 'MSFT' } } },
      'qualified',
    ],
    [
      'Shared from Microsoft (co-sell)',
      { type: 'Shared', qualification: 'SalesQualified', inviteContext: msft },
      'cosell',
    ],
    [
      'Outgoing (we referred it)',
      { direction: 'Outgoing', qualification: 'None', inviteContext: null },
      'cosell',
    ],
    [
      'unknown qualification from Microsoft falls back to the inbox',
      { qualification: 'SomethingNew', inviteContext: msft },
      'marketplace',
    ],
    [
      'unknown type from a partner',
      { type: 'Joint', qualification: '???', inviteContext: partner },
      'cosell',
    ],
  ])('%s → %s', (_label, overrides, tab) => {
    expect(tabOf(makeReferral(overrides))).toBe(tab);
  });
});

describe('stageOf, archiveOutcomeOf, isTerminal', () => {
  it.each<[string, string, string, string | null]>([
    ['New', 'Pending', 'received', null],
    ['New', 'Received', 'received', null],
    ['Active', 'Accepted', 'accepted', null],
    ['Closed', 'Won', 'archived', 'won'],
    ['Closed', 'Lost', 'archived', 'lost'],
    ['Closed', 'Declined', 'archived', 'declined'],
    ['Closed', 'Expired', 'archived', 'expired'],
    ['Closed', 'Mystery', 'archived', null],
    ['Unknown', 'Accepted', 'accepted', null],
    ['Unknown', 'Won', 'archived', 'won'],
    ['Unknown', 'Whatever', 'received', null],
    ['', '', 'received', null],
    ['closed', 'declined', 'archived', 'declined'],
  ])('%s/%s → %s (%s)', (status, substatus, stage, outcome) => {
    const referral = makeReferral({ status, substatus });
    expect(stageOf(referral)).toBe(stage);
    expect(archiveOutcomeOf(referral)).toBe(outcome);
    expect(isTerminal(referral)).toBe(stage === 'archived');
  });
});
