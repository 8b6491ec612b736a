import { ReferralSchema, type Referral, type ReferralInput } from '../../../../src-shared';

export const NOW = Date.parse('2026-11-23T12:00:00Z');

export function referral(input: Partial<ReferralInput> = {}): Referral {
  return ReferralSchema.parse({
    id: 'r1',
    createdDateTime: '2026-11-20T12:00:00Z',
    updatedDateTime: '2026-11-20T12:00:00Z',
    status: 'New',
    substatus: 'Received',
    customerProfile: { name: 'Contoso' },
    ...input,
  });
}
