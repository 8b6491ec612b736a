import { responseDeadline, stageOf, tabOf, type Referral } from '../../src-shared/index';

// The indexed columns stored beside each referral's JSONB, derived in one place so that every
// channel (push, resource API, intake, CSV, sweeper, seed) writes them the same way.

export interface ReferralColumns {
  id: string;
  status: string;
  substatus: string;
  qualification: string;
  type: string;
  direction: string;
  tab: string;
  stage: string;
  favorite: boolean;
  is_test: boolean;
  deadline: string | null;
  created_at: string;
  updated_at: string;
  dedupe_key: string | null;
  team_emails: string[];
  was_received: boolean;
}

export const emailKey = (email: string | null | undefined): string => (email ?? '').trim().toLowerCase();

export function columnsOf(referral: Referral): ReferralColumns {
  const stage = stageOf(referral);
  const dedupe = referral.marketplace?.dedupeKey ?? '';
  return {
    id: referral.id,
    status: referral.status,
    substatus: referral.substatus,
    qualification: referral.qualification,
    type: referral.type,
    direction: referral.direction,
    tab: tabOf(referral),
    stage,
    favorite: referral.favorite,
    is_test: referral.marketplace?.isTest ?? false,
    deadline: responseDeadline(referral),
    created_at: referral.createdDateTime,
    updated_at: referral.updatedDateTime,
    dedupe_key: dedupe === '' ? null : dedupe,
    team_emails: [...new Set(referral.team.map((m) => emailKey(m.email)).filter((e) => e !== ''))],
    was_received: stage === 'received',
  };
}
