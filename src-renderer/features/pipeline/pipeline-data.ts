import Dexie from 'dexie';
import type { Referral, Tab } from '../../../src-shared';
import { archiveOutcomeOf, DAY_MS, responseDeadline, tabOf, toMs } from '../../../src-shared';
import type { PartnerDeskDb } from '../../db/schema';

// Figures for the pipeline view, read through the indexes: received rows by deadline for the
// week ahead, and the accepted and archived rows once (not on every change) for value and win rate.

export interface MonthValue {
  month: string; // YYYY-MM
  accepted: number;
  won: number;
}

export interface ExpiringDay {
  day: string; // YYYY-MM-DD (local)
  count: number;
}

export interface PipelineData {
  won: number;
  lost: number;
  declined: number;
  expired: number;
  currency: string;
  /** Referrals with a value in another currency, left out of the value chart. */
  otherCurrency: number;
  months: MonthValue[];
  expiring: ExpiringDay[];
  expiringTotal: number;
  /** Expiring this week per tab, for the click into the list. */
  expiringByTab: Record<Tab, number>;
}

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

export function monthKey(iso: string): string {
  return iso.slice(0, 7);
}

export function lastMonths(nowMs: number, n: number): string[] {
  const d = new Date(nowMs);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    out.push(m.toISOString().slice(0, 7));
  }
  return out;
}

const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Pure: the figures from the referrals of the accepted and archived stages and the week's received ones. */
export function computePipeline(
  closed: readonly Referral[],
  expiringSoon: readonly Referral[],
  nowMs: number,
): PipelineData {
  const outcomes = { won: 0, lost: 0, declined: 0, expired: 0 };
  const currencies = new Map<string, number>();
  for (const r of closed) {
    const o = archiveOutcomeOf(r);
    if (o) outcomes[o]++;
    if (r.details.dealValue !== null && r.details.currency)
      currencies.set(r.details.currency, (currencies.get(r.details.currency) ?? 0) + 1);
  }
  const currency = [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
  const months = lastMonths(nowMs, 12);
  const byMonth = new Map(months.map((m) => [m, { month: m, accepted: 0, won: 0 }]));
  let otherCurrency = 0;
  for (const r of closed) {
    const v = r.details.dealValue;
    if (v === null) continue;
    if (r.details.currency !== currency) {
      otherCurrency++;
      continue;
    }
    if (r.acceptedDateTime) {
      const m = byMonth.get(monthKey(r.acceptedDateTime));
      if (m) m.accepted += v;
    }
    if (archiveOutcomeOf(r) === 'won' && r.closedDateTime) {
      const m = byMonth.get(monthKey(r.closedDateTime));
      if (m) m.won += v;
    }
  }
  const days = Array.from({ length: 7 }, (_, i) => localDay(nowMs + i * DAY_MS));
  const perDay = new Map(days.map((d) => [d, 0]));
  const expiringByTab: Record<Tab, number> = { marketplace: 0, qualified: 0, cosell: 0 };
  let expiringTotal = 0;
  for (const r of expiringSoon) {
    const deadline = toMs(responseDeadline(r));
    if (!(deadline >= nowMs && deadline < nowMs + 7 * DAY_MS)) continue;
    const day = localDay(deadline);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    expiringByTab[tabOf(r)]++;
    expiringTotal++;
  }
  return {
    ...outcomes,
    currency,
    otherCurrency,
    months: [...byMonth.values()],
    expiring: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    expiringTotal,
    expiringByTab,
  };
}

export async function loadPipeline(db: PartnerDeskDb, nowMs: number): Promise<PipelineData> {
  const now = new Date(nowMs).toISOString();
  const weekEnd = new Date(nowMs + 7 * DAY_MS).toISOString();
  const stageRows = (stage: string) =>
    db.referrals
      .where('[stage+deadline+id]')
      .between([stage, MIN, MIN], [stage, MAX, MAX], true, true)
      .toArray();
  const [accepted, archived, soon] = await Promise.all([
    stageRows('accepted'),
    stageRows('archived'),
    db.referrals
      .where('[stage+deadline+id]')
      .between(['received', now, MIN], ['received', weekEnd, MAX], true, true)
      .toArray(),
  ]);
  return computePipeline(
    [...accepted, ...archived].map((r) => r.doc),
    soon.map((r) => r.doc),
    nowMs,
  );
}
