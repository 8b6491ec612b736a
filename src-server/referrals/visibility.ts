import type { Principal } from '../auth/identity-repo';

// Partner Center's visibility rule (sync-protocol.md section 2): admins see every referral of
// their organization; members see referrals whose team includes them (by email) and, unless the
// organization turned it off, referrals still in Received. Tenancy (org_id) is always applied by
// the caller's WHERE clause; this adds the per-user part.

export interface VisibilityFields {
  team_emails: readonly string[];
  stage: string;
}

export function isVisibleTo(principal: Principal, row: VisibilityFields): boolean {
  if (principal.role === 'admin') return true;
  if (row.team_emails.includes(principal.email.toLowerCase())) return true;
  return principal.membersSeeReceived && row.stage === 'received';
}

/**
 * A SQL condition over alias `r`, with its parameters numbered from `firstParam`.
 * `was` = could this user ever have seen it (for the delete a member gets when visibility is lost).
 */
export function visibilitySql(
  principal: Principal,
  firstParam: number,
  which: 'now' | 'was' = 'now',
): { sql: string; params: unknown[] } {
  if (principal.role === 'admin') return { sql: 'true', params: [] };
  const [emails, stage] =
    which === 'now' ? ['r.team_emails', "r.stage = 'received'"] : ['r.ever_team_emails', 'r.was_received'];
  return {
    sql: `($${firstParam}::text = ANY(${emails}) OR ($${firstParam + 1}::boolean AND ${stage}))`,
    params: [principal.email.toLowerCase(), principal.membersSeeReceived],
  };
}

/** What a cursor or snapshot depends on: when it changes, the device must reset (role change, setting). */
export function visibilityScope(principal: Principal): string {
  return principal.role === 'admin' ? 'a' : principal.membersSeeReceived ? 'mr' : 'm';
}
