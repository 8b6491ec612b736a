import type { Actor, Referral } from '../../src-shared';
import { actionTimeOf, decide, parseIntent } from '../../src-shared';
import type { PartnerDeskDb } from './schema';
import type { OutboxRow, ReferralRow } from './rows';
import { getMetas } from './meta';

// The visible state: the last service copy with this device's pending intents applied by the
// shared decision function, exactly as the service will decide them (same code, same rules).

export interface OverlayContext {
  /** The device clock corrected by the measured offset. */
  now: string;
  clockOffsetMs: number;
  actor: Actor;
  deviceId: string;
}

export interface PendingPreview {
  seq: number;
  name: string;
  /** What the service is expected to answer, given the copy we have. */
  expected: 'applied' | 'noop' | 'rejected';
  reason?: string;
}

export interface VisibleReferral {
  referral: Referral;
  /** The service version of the base copy (0 when the referral exists only through pending work). */
  version: number;
  pending: PendingPreview[];
}

const UNKNOWN_ACTOR: Actor = { userId: '', displayName: '', email: '' };

export async function loadOverlayContext(
  db: PartnerDeskDb,
  deviceNow: Date = new Date(),
): Promise<OverlayContext> {
  const meta = await getMetas(db.meta, ['clockOffsetMs', 'actor', 'deviceId']);
  return {
    now: new Date(deviceNow.getTime() + meta.clockOffsetMs).toISOString(),
    clockOffsetMs: meta.clockOffsetMs,
    actor: meta.actor ?? UNKNOWN_ACTOR,
    deviceId: meta.deviceId ?? '',
  };
}

/** Outbox rows whose effect may still be missing from the base (rejected ones are not applied). */
export function isPending(row: OutboxRow): boolean {
  return row.outcome !== 'rejected';
}

export function applyPending(
  base: ReferralRow | undefined,
  rows: readonly OutboxRow[],
  ctx: OverlayContext,
): VisibleReferral | null {
  if (!base) return null;
  let current: Referral = base.doc;
  const pending: PendingPreview[] = [];
  const rejectedAccepts = new Set<string>();
  let version = base.version;
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    if (!isPending(row)) continue;
    const parsed = parseIntent(row.name, row.args);
    if (!parsed.ok) {
      pending.push({ seq: row.seq, name: row.name, expected: 'rejected', reason: 'invalid_args' });
      continue;
    }
    const actionTime = actionTimeOf({
      createdAt: row.createdAt,
      clockOffsetMs: ctx.clockOffsetMs,
      receivedOnDeviceAt: base.receivedAt,
      serverReceivedAt: ctx.now,
    });
    const decision = decide(current, parsed.intent, {
      now: ctx.now,
      actionTime,
      actor: ctx.actor,
      deviceId: ctx.deviceId,
      version: ++version,
      rejectedAcceptIds: rejectedAccepts,
    });
    if (decision.outcome === 'applied') current = decision.referral;
    if (decision.outcome === 'rejected' && row.name === 'accept') rejectedAccepts.add(row.referralId);
    const preview: PendingPreview = { seq: row.seq, name: row.name, expected: decision.outcome };
    if (decision.outcome !== 'applied' && decision.reason) preview.reason = decision.reason;
    pending.push(preview);
  }
  return { referral: current, version: base.version, pending };
}

/** All pending outbox rows, grouped by referral. The outbox is small (a user's offline work). */
export async function pendingByReferral(db: PartnerDeskDb): Promise<Map<string, OutboxRow[]>> {
  const map = new Map<string, OutboxRow[]>();
  await db.outbox.each((row) => {
    if (!isPending(row)) return;
    const list = map.get(row.referralId);
    if (list) list.push(row);
    else map.set(row.referralId, [row]);
  });
  return map;
}

export async function visibleReferral(
  db: PartnerDeskDb,
  id: string,
  deviceNow?: Date,
): Promise<VisibleReferral | null> {
  const [base, rows, ctx] = await Promise.all([
    db.referrals.get(id),
    db.outbox.where('referralId').equals(id).toArray(),
    loadOverlayContext(db, deviceNow),
  ]);
  return applyPending(base, rows, ctx);
}
