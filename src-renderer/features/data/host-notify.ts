import type { Referral } from '../../../src-shared';
import { contactMeActive, tabOf } from '../../../src-shared';
import type { DesktopBridge, NewReferral } from '../../bridge';
import { customerName } from '../list/lead-text';

// Referrals that arrived after the first sync become notifications, through the host.

export function newReferralOf(r: Referral, now: string): NewReferral {
  return {
    id: r.id,
    title: (customerName(r) || r.id).slice(0, 500),
    tab: tabOf(r),
    qualification: r.qualification.slice(0, 64),
    urgent: contactMeActive(r, now),
  };
}

export function reportNewReferrals(bridge: DesktopBridge): (referrals: Referral[]) => void {
  return (referrals) => {
    const now = new Date().toISOString();
    void bridge.reportNewReferrals({
      initialSync: false,
      referrals: referrals.slice(0, 10_000).map((r) => newReferralOf(r, now)),
    });
  };
}
