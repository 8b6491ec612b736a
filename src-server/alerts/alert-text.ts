import { responseDeadline, type Referral } from '../../src-shared/index';

// The text of an alert email (like Marketo's "MQL alert"): who the customer is, which company,
// how Microsoft qualified the lead, where it came from, when the answer is due, and a link.

export interface AlertEmail {
  subject: string;
  text: string;
}

const QUALIFICATION_LABELS: Record<string, string> = {
  MarketingQualified: 'Marketing qualified',
  SalesQualified: 'Sales qualified',
  Direct: 'Customer inquiry',
  None: 'Not qualified',
};

function leadSourceText(r: Referral): string {
  const m = r.marketplace;
  if (!m)
    return r.inviteContext?.invitedBy.organizationName
      ? `Partner Center (invited by ${r.inviteContext.invitedBy.organizationName})`
      : 'Partner Center';
  const ls = m.leadSource;
  const parts = [ls.sourceLabel || ls.source, ls.actionLabel || ls.action, ls.offer].filter(
    (p): p is string => !!p,
  );
  return parts.length > 0
    ? `${parts.join(' · ')}${m.isTest ? ' (test lead)' : ''}`
    : ls.raw || 'Commercial marketplace';
}

export function alertEmail(r: Referral, link: string): AlertEmail {
  const contact = r.customerProfile.team[0];
  const person = contact ? `${contact.firstName} ${contact.lastName}`.trim() : '';
  const customer = [person, contact?.email ? `<${contact.email}>` : '', contact?.phoneNumber ?? '']
    .filter((p) => p !== '')
    .join(' ');
  const company = r.customerProfile.name || '(no company given)';
  const qualification = QUALIFICATION_LABELS[r.qualification] ?? r.qualification;
  const deadline = responseDeadline(r);
  const lines = [
    `A new referral arrived in Partner Desk.`,
    '',
    `Customer:      ${customer || '(no contact given)'}`,
    `Company:       ${company}`,
    `Qualification: ${qualification}`,
    `Lead source:   ${leadSourceText(r)}`,
    `Respond by:    ${deadline ? `${deadline.replace('T', ' ').slice(0, 16)} UTC` : '(no deadline)'}`,
    ...(r.details.customerRequestedContact ? ['', 'The customer asked to be contacted.'] : []),
    '',
    `Open it: ${link}`,
  ];
  return { subject: `New ${qualification.toLowerCase()} lead: ${company}`, text: lines.join('\n') };
}
