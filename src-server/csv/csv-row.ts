import { isReasonCode, ReferralSchema, type Referral } from '../../src-shared/index';
import type { FieldDetail } from '../http/errors';
import { fromUsDate, parseMembers, type Header } from '../../src-shared/partner-center-csv';

// One CSV row → a referral: every field checked, errors named by column. On `replace` the row is
// laid over the existing referral, so what the CSV does not carry (notes log, marketplace
// activity, raw payload, customer contacts beyond the first) is kept.

export type CsvRecord = Partial<Record<Header, string>>;

export type RowResult = { ok: true; referral: Referral } | { ok: false; errors: FieldDetail[] };

const REASON = /^([1-8])\s*-\s*(.*)$/s;

function dealValueOf(text: string, errors: FieldDetail[]): number | null {
  if (text === '') return null;
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value) || value < 0) {
    errors.push({ field: 'Estimated deal value', message: 'must be a non-negative number' });
    return null;
  }
  return value;
}

/** Builds the referral a row describes. `base` is the existing referral (replace) or null. */
export function rowToReferral(record: CsvRecord, id: string, base: Referral | null, now: string): RowResult {
  const errors: FieldDetail[] = [];
  const get = (h: Header): string | undefined => record[h]?.trim();
  const status = get('Status') ?? '';
  const substatus = get('Substatus') ?? '';
  if (status === '') errors.push({ field: 'Status', message: 'must not be empty' });
  if (substatus === '') errors.push({ field: 'Substatus', message: 'must not be empty' });
  const customerName = get('Customer name') ?? '';
  if (customerName === '') errors.push({ field: 'Customer name', message: 'must not be empty' });
  const dealValue = dealValueOf(get('Estimated deal value') ?? '', errors);
  const currency = (get('Currency') ?? '').toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency))
    errors.push({ field: 'Currency', message: 'must be an ISO-4217 code such as USD' });
  const closeText = get('Estimated close date') ?? '';
  const closingDate = closeText === '' ? null : fromUsDate(closeText);
  if (closeText !== '' && closingDate === null)
    errors.push({ field: 'Estimated close date', message: 'must be a date MM/DD/YYYY' });
  const createdText = get('Created date') ?? '';
  const createdDate = createdText === '' ? null : fromUsDate(createdText);
  if (createdText !== '' && createdDate === null)
    errors.push({ field: 'Created date', message: 'must be a date MM/DD/YYYY' });
  const email = get('Customer contact email') ?? '';
  if (email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email))
    errors.push({ field: 'Customer contact email', message: 'is not an email address' });
  const team = parseMembers(get('Team members') ?? '');
  if ('error' in team) errors.push({ field: 'Team members', message: team.error });
  if (id.length > 200) errors.push({ field: 'Referral ID', message: 'is longer than 200 characters' });
  if (errors.length > 0 || 'error' in team) return { ok: false, errors };

  const reasonText = get('Decline or lost reason') ?? '';
  const reason = REASON.exec(reasonText);
  const reasonCode = reason ? Number(reason[1]) : null;
  // Same calendar day as the stored instant: keep the instant (the CSV only carries the date).
  const keepCreated = base && createdDate !== null && base.createdDateTime.startsWith(createdDate);
  const createdDateTime =
    keepCreated || createdDate === null ? (base?.createdDateTime ?? now) : `${createdDate}T00:00:00.000Z`;
  const baseContacts = base?.customerProfile.team ?? [];
  const contact = {
    ...(baseContacts[0] ?? {}),
    firstName: get('Customer contact first name') ?? '',
    lastName: get('Customer contact last name') ?? '',
    email,
    phoneNumber: get('Customer contact phone') ?? '',
  };
  const hasContact = contact.firstName || contact.lastName || contact.email || contact.phoneNumber;
  const otherIds = (base?.customerProfile.ids ?? []).filter((i) => i.profileType.toLowerCase() !== 'duns');
  const duns = get('Customer DUNS') ?? '';
  const parsed = ReferralSchema.safeParse({
    ...(base ?? {}),
    id,
    engagementId: get('Engagement ID') || base?.engagementId || id,
    name: get('Deal name') ?? base?.name ?? '',
    createdDateTime,
    updatedDateTime: now,
    status,
    substatus,
    qualification: get('Qualification') || base?.qualification || 'None',
    type: get('Type') || base?.type || 'Independent',
    direction: get('Direction') || base?.direction || 'Incoming',
    statusReason: reason ? (reason[2] ?? '') : reasonText,
    reasonCode: reasonCode !== null && isReasonCode(reasonCode) ? reasonCode : null,
    externalReferenceId: get('CRM ID') ?? '',
    campaignId: get('Marketing campaign ID') ?? '',
    customerProfile: {
      ...(base?.customerProfile ?? {}),
      name: customerName,
      address: {
        ...(base?.customerProfile.address ?? {}),
        addressLine1: get('Customer address') ?? '',
        city: get('Customer city') ?? '',
        state: get('Customer state') ?? '',
        postalCode: get('Customer postal code') ?? '',
        country: (get('Customer country') ?? '').toUpperCase(),
      },
      team: hasContact ? [contact, ...baseContacts.slice(1)] : baseContacts.slice(1),
      ids: duns === '' ? otherIds : [{ profileType: 'Duns', id: duns }, ...otherIds],
    },
    details: {
      ...(base?.details ?? {}),
      dealValue,
      currency,
      closingDateTime: closingDate,
      notes: get('Notes') ?? '',
    },
    // A member already on the team keeps what the CSV does not carry (phone, title).
    team: team.members.map(
      (m) => base?.team.find((b) => b.email.toLowerCase() === m.email.toLowerCase()) ?? m,
    ),
    // Every column maps to a field above, so the row itself is not kept as `raw` (it would double
    // the stored size of a 100,000-row import for nothing).
    ...(base ? {} : { source: 'partner-center' }),
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(row)',
        message: i.message,
      })),
    };
  }
  return { ok: true, referral: parsed.data };
}
