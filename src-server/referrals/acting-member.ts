import type { Intent } from '../../src-shared/index';
import type { Principal } from '../auth/identity-repo';

/**
 * A member who accepts a referral joins its team, so it stays visible to them afterwards (members
 * see only their team's referrals once they leave Received). Every channel that accepts uses this.
 */
export function withActingMember(intent: Intent, principal: Principal): Intent {
  if (intent.name !== 'accept' || principal.role !== 'member') return intent;
  const team = intent.args.team ?? [];
  if (team.some((m) => m.email.toLowerCase() === principal.email.toLowerCase())) return intent;
  const [firstName = '', ...rest] = principal.displayName.split(' ');
  const me = { firstName, lastName: rest.join(' '), email: principal.email, phoneNumber: '' };
  return { ...intent, args: { ...intent.args, team: [...team, me] } };
}
