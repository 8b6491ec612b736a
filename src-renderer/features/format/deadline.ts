import type { Referral } from '../../../src-shared';
import { HOUR_MS, responseDeadline, toMs } from '../../../src-shared';

// How urgent the answer to a referral is. Only the service expires a referral: past its deadline
// a client says "overdue, waiting for the service" and keeps the actions available.

export type DeadlineLevel = 'calm' | 'soon' | 'urgent' | 'overdue';

export interface DeadlineInfo {
  level: DeadlineLevel;
  deadline: string;
  /** Milliseconds left (negative when overdue). */
  msLeft: number;
}

/** Colour thresholds follow the reminder defaults: 72 h (soon) and 24 h (urgent). */
export const SOON_HOURS = 72;
export const URGENT_HOURS = 24;

export function deadlineInfo(referral: Referral, nowMs: number): DeadlineInfo | null {
  const deadline = responseDeadline(referral);
  if (deadline === null) return null;
  const msLeft = toMs(deadline) - nowMs;
  if (!Number.isFinite(msLeft)) return null;
  const level: DeadlineLevel =
    msLeft <= 0
      ? 'overdue'
      : msLeft <= URGENT_HOURS * HOUR_MS
        ? 'urgent'
        : msLeft <= SOON_HOURS * HOUR_MS
          ? 'soon'
          : 'calm';
  return { level, deadline, msLeft };
}
