import type { Referral } from '../../src-shared/index';
import type { SaveInput, WriteOrigin } from './referral-repo';

// The referral carries the recent part of its audit trail (`activity`), so every device shows who
// did what, when, through which channel and device, with late arrivals marked, without a second
// query. The full trail stays in `audit_log`. Favorites are personal and creations are shown from
// `createdDateTime`, so neither is listed.

const KEPT_ENTRIES = 50;
const UNLISTED_ACTIONS = new Set(['setFavorite']);

export interface ActivityEntry {
  action: string;
  at: string;
  actionTime: string | null;
  channel: string;
  actor: { displayName: string };
  deviceId: string | null;
  lateArrival: boolean;
  to: { status: string; substatus: string };
}

function previousActivity(referral: Referral): ActivityEntry[] {
  const value = (referral as Record<string, unknown>)['activity'];
  return Array.isArray(value) ? (value as ActivityEntry[]) : [];
}

export function withActivity(
  referral: Referral,
  change: SaveInput,
  origin: WriteOrigin,
  at: string,
): Referral {
  if (change.before === null || UNLISTED_ACTIONS.has(change.action)) return referral;
  const entry: ActivityEntry = {
    action: change.action,
    at,
    actionTime: change.actionTime ?? null,
    channel: origin.channel,
    actor: { displayName: origin.actor.displayName },
    deviceId: origin.deviceId ?? null,
    lateArrival: change.lateArrival ?? false,
    to: { status: referral.status, substatus: referral.substatus },
  };
  return { ...referral, activity: [...previousActivity(referral), entry].slice(-KEPT_ENTRIES) };
}
