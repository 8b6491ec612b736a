import type { Referral } from '../../../src-shared';
import { HEADERS, referralToRow } from '../../../src-shared/partner-center-csv';
import type { PartnerDeskDb } from '../../db/schema';
import { listPage, visibleByIds } from '../../db/queries';
import { indexedSpec, type ListQuery } from '../data/list-query';
import { orderedIds } from '../data/ordered-ids';
import { searchIds } from '../data/search-ids';
import { toCsv } from './csv';

// Export of the current view (tab, stage, outcome, search, sort) from the device's own copy, so
// it works offline and matches what is on screen, pending changes included. Dates are UTC
// MM/DD/YYYY as Partner Center writes them: the columns and formats are the service's own
// (src-shared/partner-center-csv.ts), so an exported view imports back unchanged.

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
  return { csv: toCsv(HEADERS, referrals.map(referralToRow)), count: referrals.length };
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
