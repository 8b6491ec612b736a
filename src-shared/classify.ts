import type { Referral } from './referral';

// Which tab and which lifecycle stage a referral belongs to (domain.md sections 2 and 3).
// Upstream enums are open strings, so every function here has a fallback and never throws.

export const TABS = ['marketplace', 'qualified', 'cosell'] as const;
export type Tab = (typeof TABS)[number];

export const STAGES = ['received', 'accepted', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export const ARCHIVE_OUTCOMES = ['won', 'lost', 'declined', 'expired'] as const;
export type ArchiveOutcome = (typeof ARCHIVE_OUTCOMES)[number];

const lower = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** Microsoft sent it, or nobody did (no invite context, or an invite without an organization). */
export function isInvitedByMicrosoft(referral: Pick<Referral, 'inviteContext'>): boolean {
  const orgId = lower(referral.inviteContext?.invitedBy?.organizationId);
  return orgId === '' || orgId === 'msft';
}

export function isMarketplaceLead(referral: Pick<Referral, 'source' | 'marketplace'>): boolean {
  return lower(referral.source) === 'marketplace' || referral.marketplace != null;
}

/**
 * The tab table: marketplace offer leads and Microsoft's direct customer inquiries → marketplace;
 * Microsoft's marketing/sales-qualified leads → qualified; partner invitations, shared referrals
 * and outgoing ones → co-sell. Cases the table leaves open (Microsoft + `None` or an unknown
 * qualification) land in the marketplace inbox, the tab where new customer inquiries are read.
 */
export function tabOf(referral: Referral): Tab {
  if (isMarketplaceLead(referral)) return 'marketplace';
  if (!isInvitedByMicrosoft(referral)) return 'cosell';
  if (lower(referral.type) === 'shared' || lower(referral.direction) === 'outgoing') return 'cosell';
  const qualification = lower(referral.qualification);
  if (qualification === 'marketingqualified' || qualification === 'salesqualified') return 'qualified';
  return 'marketplace';
}

function stageOfSubstatus(substatus: string): Stage | null {
  switch (substatus) {
    case 'pending':
    case 'received':
      return 'received';
    case 'accepted':
      return 'accepted';
    case 'won':
    case 'lost':
    case 'declined':
    case 'expired':
      return 'archived';
    default:
      return null;
  }
}

/** New → received, Active → accepted, Closed → archived; an unknown status is read from the substatus. */
export function stageOf(referral: Pick<Referral, 'status' | 'substatus'>): Stage {
  switch (lower(referral.status)) {
    case 'new':
      return 'received';
    case 'active':
      return 'accepted';
    case 'closed':
      return 'archived';
    default:
      return stageOfSubstatus(lower(referral.substatus)) ?? 'received';
  }
}

/** How an archived referral ended; null while open or when a Closed substatus is unknown. */
export function archiveOutcomeOf(referral: Pick<Referral, 'status' | 'substatus'>): ArchiveOutcome | null {
  if (stageOf(referral) !== 'archived') return null;
  const substatus = lower(referral.substatus);
  return (ARCHIVE_OUTCOMES as readonly string[]).includes(substatus) ? (substatus as ArchiveOutcome) : null;
}

/** Terminal states never change again, through any channel. */
export function isTerminal(referral: Pick<Referral, 'status' | 'substatus'>): boolean {
  return stageOf(referral) === 'archived';
}
