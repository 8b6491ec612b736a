import type { Member, Referral } from '../referral';
import type { NormalizedLead } from './normalize';
import { parseLeadSource } from './lead-source';

// A later lead from the same customer for the same offer (Contact me, then Get it now, then Test
// Drive) joins the existing referral's activity instead of creating a new referral.

function fillMember(existing: Member | undefined, incoming: Member | undefined): Member | undefined {
  if (!incoming) return existing;
  if (!existing) return incoming;
  return {
    ...existing,
    firstName: existing.firstName || incoming.firstName,
    lastName: existing.lastName || incoming.lastName,
    email: existing.email || incoming.email,
    phoneNumber: existing.phoneNumber || incoming.phoneNumber,
    ...(existing.title || incoming.title ? { title: existing.title || incoming.title } : {}),
  };
}

/**
 * Appends the incoming lead's actions (no duplicates by action + receivedAt, the later raw payload
 * kept on the action), fills contact fields that are still empty, and turns on
 * customerRequestedContact when a Contact me (PLT) arrives. Status, eTag and version are the
 * caller's: this never changes the lifecycle.
 */
export function mergeMarketplaceAction(existing: Referral, incoming: NormalizedLead, now: string): Referral {
  const next = incoming.referral;
  const base = existing.marketplace;
  const actions = [...(base?.actions ?? [])];
  const seen = new Set(actions.map((a) => `${a.action}\u0000${a.receivedAt}`));
  for (const action of next.marketplace?.actions ?? []) {
    const key = `${action.action}\u0000${action.receivedAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push(action.raw === undefined ? { ...action, raw: next.raw } : action);
  }
  const [firstExisting, ...restExisting] = existing.customerProfile.team;
  const merged = fillMember(firstExisting, next.customerProfile.team[0]);
  const team = merged ? [merged, ...restExisting] : restExisting;
  const plt = (next.marketplace?.actions ?? []).some((a) => a.action === 'PLT');
  return {
    ...existing,
    updatedDateTime: now,
    customerProfile: {
      ...existing.customerProfile,
      name: existing.customerProfile.name || next.customerProfile.name,
      address: {
        ...existing.customerProfile.address,
        country: existing.customerProfile.address.country || next.customerProfile.address.country,
      },
      team,
    },
    details: {
      ...existing.details,
      customerRequestedContact: plt ? true : existing.details.customerRequestedContact,
    },
    marketplace: {
      leadSource: base?.leadSource ?? next.marketplace?.leadSource ?? parseLeadSource(null),
      actions,
      // Only a lead that is test data from both sides stays hidden: a real lead must never vanish.
      isTest: (base?.isTest ?? incoming.isTest) && incoming.isTest,
      dedupeKey: base?.dedupeKey || incoming.dedupeKey,
    },
  };
}
