import { stageOf } from './classify';
import { isCalendarDate, type Member, type Referral } from './referral';

// Partner Center's bulk CSV columns (domain.md section 6), both ways. Dates are UTC `MM/DD/YYYY`;
// the closing date is a calendar date, so no time zone ever moves it. Team members are written as
// `First Last <email>` separated by `; `. The decline or lost reason is `N - text` when it has a
// reason code, so a round trip keeps the code.

export const HEADERS = [
  'Engagement ID',
  'Referral ID',
  'Deal name',
  'Customer name',
  'Customer address',
  'Customer city',
  'Customer state',
  'Customer postal code',
  'Customer country',
  'Customer DUNS',
  'Customer contact first name',
  'Customer contact last name',
  'Customer contact email',
  'Customer contact phone',
  'Status',
  'Substatus',
  'Qualification',
  'Type',
  'Direction',
  'Decline or lost reason',
  'Sales stage',
  'Estimated deal value',
  'Currency',
  'Estimated close date',
  'Created date',
  'CRM ID',
  'Marketing campaign ID',
  'Notes',
  'Team members',
] as const;
export type Header = (typeof HEADERS)[number];

/** Without these a row cannot be a referral: a file missing one is refused whole. */
export const REQUIRED_HEADERS: readonly Header[] = ['Referral ID', 'Customer name', 'Status', 'Substatus'];

const STAGE_LABELS = { received: 'Received', accepted: 'Accepted', archived: 'Archived' } as const;

/** `2024-05-31` or an ISO instant → `05/31/2024` (UTC). */
export function toUsDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : '';
}

/** `05/31/2024` (or `5/31/2024`) → `2024-05-31`, or null when it is not a real date. */
export function fromUsDate(value: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[3]}-${(m[1] ?? '').padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

export function formatMember(m: Member): string {
  const name = `${m.firstName} ${m.lastName}`.trim();
  return m.email ? `${name} <${m.email}>`.trim() : name;
}

/** `Jane Doe <jane@x.com>; Sam <sam@x.com>` → members; null names the first part that does not read. */
export function parseMembers(text: string): { members: Member[] } | { error: string } {
  const members: Member[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(part);
    if (!m) return { error: `"${part}" is not "First Last <email>"` };
    const [firstName = '', ...rest] = (m[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter((s) => s !== '');
    members.push({ firstName, lastName: rest.join(' '), email: m[2] ?? '', phoneNumber: '' });
  }
  return { members };
}

export function referralToRow(r: Referral): string[] {
  const contact = r.customerProfile.team[0];
  const address = r.customerProfile.address;
  const duns = r.customerProfile.ids.find((i) => i.profileType.toLowerCase() === 'duns')?.id ?? '';
  const reason = r.reasonCode !== null ? `${r.reasonCode} - ${r.statusReason}` : r.statusReason;
  const values: Record<Header, string> = {
    'Engagement ID': r.engagementId,
    'Referral ID': r.id,
    'Deal name': r.name,
    'Customer name': r.customerProfile.name,
    'Customer address': address.addressLine1,
    'Customer city': address.city,
    'Customer state': address.state,
    'Customer postal code': address.postalCode,
    'Customer country': address.country,
    'Customer DUNS': duns,
    'Customer contact first name': contact?.firstName ?? '',
    'Customer contact last name': contact?.lastName ?? '',
    'Customer contact email': contact?.email ?? '',
    'Customer contact phone': contact?.phoneNumber ?? '',
    Status: r.status,
    Substatus: r.substatus,
    Qualification: r.qualification,
    Type: r.type,
    Direction: r.direction,
    'Decline or lost reason': reason,
    'Sales stage': STAGE_LABELS[stageOf(r)],
    'Estimated deal value': r.details.dealValue === null ? '' : String(r.details.dealValue),
    Currency: r.details.currency,
    'Estimated close date': toUsDate(r.details.closingDateTime),
    'Created date': toUsDate(r.createdDateTime),
    'CRM ID': r.externalReferenceId,
    'Marketing campaign ID': r.campaignId,
    Notes: r.details.notes,
    'Team members': r.team.map(formatMember).join('; '),
  };
  return HEADERS.map((h) => values[h]);
}
