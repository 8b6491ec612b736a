import { z } from 'zod';
import type { Referral } from '../../../src-shared';

// The activity timeline. When the service sends its audit trail on the referral (`activity`), that
// is the truth: who, when, through which channel and device, late arrivals marked. Otherwise the
// timeline is derived from the dates and notes the referral itself carries.

const ActivityEntrySchema = z.looseObject({
  action: z.string(),
  at: z.string(),
  actionTime: z.string().nullish(),
  channel: z.string().nullish(),
  actor: z.looseObject({ displayName: z.string().nullish(), email: z.string().nullish() }).nullish(),
  actorName: z.string().nullish(),
  deviceId: z.string().nullish(),
  lateArrival: z.boolean().nullish(),
  to: z.looseObject({ status: z.string(), substatus: z.string() }).nullish(),
});

export type TimelineKind = 'created' | 'marketplace' | 'accepted' | 'closed' | 'note' | 'audit';

export interface TimelineEntry {
  key: string;
  at: string;
  kind: TimelineKind;
  /** The action or substatus, for the label. */
  what: string;
  who: string;
  device: string;
  channel: string;
  late: boolean;
  text: string;
}

const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'key' | 'at' | 'kind'>): TimelineEntry => ({
  what: '',
  who: '',
  device: '',
  channel: '',
  late: false,
  text: '',
  ...e,
});

export function timelineOf(r: Referral): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const audit = z.array(ActivityEntrySchema).safeParse((r as Record<string, unknown>)['activity']);
  out.push(entry({ key: 'created', at: r.createdDateTime, kind: 'created' }));
  for (const [i, a] of (r.marketplace?.actions ?? []).entries()) {
    out.push(
      entry({
        key: `m${i}`,
        at: a.receivedAt,
        kind: 'marketplace',
        what: a.action,
        text: a.description ?? '',
      }),
    );
  }
  if (audit.success && audit.data.length > 0) {
    for (const [i, a] of audit.data.entries()) {
      out.push(
        entry({
          key: `a${i}`,
          at: a.at,
          kind: 'audit',
          what: a.action,
          who: a.actor?.displayName || a.actorName || a.actor?.email || '',
          device: a.deviceId ?? '',
          channel: a.channel ?? '',
          late: a.lateArrival === true,
          text: a.to ? a.to.substatus : '',
        }),
      );
    }
  } else {
    if (r.acceptedDateTime) out.push(entry({ key: 'accepted', at: r.acceptedDateTime, kind: 'accepted' }));
    if (r.closedDateTime)
      out.push(
        entry({
          key: 'closed',
          at: r.closedDateTime,
          kind: 'closed',
          what: r.substatus,
          text: r.statusReason,
        }),
      );
  }
  for (const n of r.notes)
    out.push(entry({ key: `n${n.id}`, at: n.createdAt, kind: 'note', who: n.author, text: n.text }));
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
