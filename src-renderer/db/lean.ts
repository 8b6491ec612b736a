import type { Referral } from '../../src-shared';
import { archiveOutcomeOf, responseDeadline, stageOf, tabOf } from '../../src-shared';
import { NO_DEADLINE, NO_VALUE, type ReferralRow } from './rows';

// The lean, indexed shape of a referral, derived from the service's document.

/** The sort key of the deadline order: what the user must act on next, per stage. */
export function deadlineKey(doc: Referral): string {
  const stage = stageOf(doc);
  if (stage === 'received') return responseDeadline(doc) ?? NO_DEADLINE;
  if (stage === 'accepted') return doc.details.closingDateTime ?? NO_DEADLINE;
  return NO_DEADLINE;
}

export function toReferralRow(
  doc: Referral,
  version: number,
  extra: { snap?: string | undefined; receivedAt: string },
): ReferralRow {
  const row: ReferralRow = {
    id: doc.id,
    tab: tabOf(doc),
    stage: stageOf(doc),
    deadline: deadlineKey(doc),
    createdAt: doc.createdDateTime,
    value: doc.details.dealValue ?? NO_VALUE,
    version,
    receivedAt: extra.receivedAt,
    doc,
  };
  const outcome = archiveOutcomeOf(doc);
  if (outcome) row.outcome = outcome;
  if (doc.favorite) row.fav = 1;
  if (extra.snap) row.snap = extra.snap;
  return row;
}

/** The service version carried by a weak eTag `W/"42"`, if any. */
export function versionFromETag(eTag: string | undefined): number | null {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(eTag ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * One lowercased string with every searchable field (the customer's company name, the deal name,
 * contact names and emails), separated so that words of two fields never run together.
 */
export function searchTextOf(doc: Referral): string {
  const parts: string[] = [doc.customerProfile.name, doc.name];
  for (const m of doc.customerProfile.team) parts.push(m.firstName, m.lastName, m.email);
  for (const m of doc.team) parts.push(m.firstName, m.lastName, m.email);
  return parts
    .filter((p) => p !== '')
    .join('\u0001')
    .toLowerCase();
}
