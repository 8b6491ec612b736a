import type { Member, Referral } from '../../../src-shared';
import { stageOf } from '../../../src-shared';
import type { PartnerDeskDb } from '../../db/schema';
import { listPage, visibleByIds } from '../../db/queries';
import { indexedSpec, type ListQuery } from '../data/list-query';
import { orderedIds } from '../data/ordered-ids';
import { searchIds } from '../data/search-ids';
import { toCsv } from './csv';

// Export of the current view (tab, stage, outcome, search, sort) from the device's own copy, so
// it works offline and matches what is on screen, pending changes included. Dates are UTC
// MM/DD/YYYY as Partner Center writes them.

// The same columns and formats as the service's CSV export (src-server/csv/csv-columns.ts), so
// that an exported view imports back unchanged.
export const EXPORT_COLUMNS = [
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

const STAGE_LABELS = { received: 'Received', accepted: 'Accepted', archived: 'Archived' } as const;

export function pcDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[2]}/${m[3]}/${m[1]}` : '';
}

const member = (m: Member) => {
  const name = `${m.firstName} ${m.lastName}`.trim();
  return m.email ? `${name} <${m.email}>`.trim() : name;
};

export function exportRow(r: Referral): string[] {
  const a = r.customerProfile.address;
  const contact = r.customerProfile.team[0];
  return [
    r.engagementId,
    r.id,
    r.name,
    r.customerProfile.name,
    a.addressLine1,
    a.city,
    a.state,
    a.postalCode,
    a.country,
    r.customerProfile.ids.find((i) => i.profileType.toLowerCase() === 'duns')?.id ?? '',
    contact?.firstName ?? '',
    contact?.lastName ?? '',
    contact?.email ?? '',
    contact?.phoneNumber ?? '',
    r.status,
    r.substatus,
    r.qualification,
    r.type,
    r.direction,
    r.reasonCode !== null ? `${r.reasonCode} - ${r.statusReason}` : r.statusReason,
    STAGE_LABELS[stageOf(r)],
    r.details.dealValue === null ? '' : String(r.details.dealValue),
    r.details.currency,
    pcDate(r.details.closingDateTime),
    pcDate(r.createdDateTime),
    r.externalReferenceId,
    r.campaignId,
    r.details.notes,
    r.team.map(member).join('; '),
  ];
}

export async function viewReferrals(db: PartnerDeskDb, q: ListQuery): Promise<Referral[]> {
  const spec = indexedSpec(q);
  // IndexedDB counts are unsigned 32-bit: the largest limit it accepts.
  if (spec) return (await listPage(db, spec, 0, 2 ** 32 - 1)).rows.map((v) => v.referral);
  const term = q.search.trim();
  // An export of a search takes every match, not only the ones a search shows.
  const ids = await orderedIds(db, q, term ? (await searchIds(db, term, 2 ** 31)).ids : null);
  return (await visibleByIds(db, ids)).map((v) => v.referral);
}

export async function exportCsv(db: PartnerDeskDb, q: ListQuery): Promise<{ csv: string; count: number }> {
  const referrals = await viewReferrals(db, q);
  return { csv: toCsv(EXPORT_COLUMNS, referrals.map(exportRow)), count: referrals.length };
}

export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM so that spreadsheet programs read the accents of French and Swedish names correctly.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
