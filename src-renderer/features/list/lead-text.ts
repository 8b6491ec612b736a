import type { TFunction } from 'i18next';
import type { Referral } from '../../../src-shared';
import { LEAD_ACTIONS, LEAD_SOURCES, QUALIFICATIONS } from '../../../src-shared';

// Display text for upstream values: known ones are translated, unknown ones are shown as-is.

export function customerName(r: Referral): string {
  return r.customerProfile.name || r.name;
}

export function contactName(r: Referral): string {
  const c = r.customerProfile.team[0];
  if (!c) return '';
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email;
}

export function qualificationLabel(t: TFunction, value: string): string {
  return (QUALIFICATIONS as readonly string[]).includes(value)
    ? t(`qualification.${value as (typeof QUALIFICATIONS)[number]}`)
    : value;
}

export function leadActionText(t: TFunction, action: string | null): string {
  if (action === null) return '';
  return (LEAD_ACTIONS as readonly string[]).includes(action)
    ? t(`leadSource.actions.${action as (typeof LEAD_ACTIONS)[number]}`)
    : action;
}

export function leadSourceName(t: TFunction, source: string | null): string {
  if (source === null) return '';
  return (LEAD_SOURCES as readonly string[]).includes(source)
    ? t(`leadSource.sources.${source as (typeof LEAD_SOURCES)[number]}`)
    : source;
}

/** "Azure Marketplace · Contact me · Contoso CRM", or who sent a Partner Center referral. */
export function originText(t: TFunction, r: Referral): string {
  const m = r.marketplace;
  if (m) {
    const ls = m.leadSource;
    const parts = [leadSourceName(t, ls.source), leadActionText(t, ls.action), ls.offer ?? ''].filter(
      Boolean,
    );
    return parts.length > 0 ? parts.join(' · ') : ls.raw;
  }
  const by = r.inviteContext?.invitedBy;
  if (by && by.organizationId && by.organizationId.toLowerCase() !== 'msft') {
    return t('origin.partner', { name: by.organizationName || by.organizationId });
  }
  return t('origin.microsoft');
}
