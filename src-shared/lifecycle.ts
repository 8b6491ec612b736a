import type { Member, Referral } from './referral';
import type { DealFields, EditableDealField, Intent, IntentOf, MemberInput } from './mutations';
import type { AuditEntry, Decision, DecisionContext, FieldConflict, RejectReason } from './lifecycle-context';
import { EDITABLE_DEAL_FIELDS } from './mutations';
import { eTagFor } from './lifecycle-context';
import { archiveOutcomeOf, stageOf } from './classify';
import { reasonLabel } from './reasons';
import { deadlineOf, toMs } from './time';

// The lifecycle rules (sync-protocol.md section 4) as one pure, total function. The service runs
// it to decide; the client runs it to show pending intents on top of the last service state.
// It never throws and never mutates its input: every applied decision returns new objects.

export * from './lifecycle-context';

type State = 'received' | 'accepted' | 'won' | 'lost' | 'declined' | 'expired' | 'closed';

/** `closed` is Closed with a substatus we do not know: terminal, nothing may change it. */
function stateOf(referral: Referral): State {
  const stage = stageOf(referral);
  if (stage !== 'archived') return stage;
  return archiveOutcomeOf(referral) ?? 'closed';
}

const noop = (reason: string): Decision => ({ outcome: 'noop', reason });
const rejected = (reason: RejectReason, conflicts?: FieldConflict[]): Decision =>
  conflicts ? { outcome: 'rejected', reason, conflicts } : { outcome: 'rejected', reason };

function applied(
  before: Referral,
  after: Referral,
  intent: Intent,
  ctx: DecisionContext,
  extra: { lateArrival?: boolean; conflicts?: FieldConflict[]; changedFields?: EditableDealField[] } = {},
): Decision {
  const referral: Referral = { ...after, updatedDateTime: ctx.now, eTag: eTagFor(ctx.version) };
  const audit: AuditEntry = {
    action: intent.name,
    from: { status: before.status, substatus: before.substatus },
    to: { status: referral.status, substatus: referral.substatus },
    at: ctx.now,
    actionTime: ctx.actionTime,
    actor: ctx.actor,
    deviceId: ctx.deviceId,
    ...(extra.lateArrival ? { lateArrival: true } : {}),
    ...(extra.changedFields?.length ? { changedFields: extra.changedFields } : {}),
  };
  return {
    outcome: 'applied',
    referral,
    ...(extra.lateArrival ? { lateArrival: true } : {}),
    ...(extra.conflicts?.length ? { conflicts: extra.conflicts } : {}),
    ...(extra.changedFields?.length ? { changedFields: extra.changedFields } : {}),
    audit,
  };
}

const emailKey = (email: string | undefined): string => (email ?? '').trim().toLowerCase();

function toMember(input: MemberInput): Member {
  const member: Member = {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phoneNumber: input.phoneNumber,
  };
  if (input.title !== undefined) member.title = input.title;
  return member;
}

/** Appends people not already on the team (same email, case-insensitive). */
function appendMembers(team: readonly Member[], incoming: readonly MemberInput[]): Member[] {
  const seen = new Set(team.map((m) => emailKey(m.email)).filter((e) => e !== ''));
  const next = [...team];
  for (const person of incoming) {
    const key = emailKey(person.email);
    if (key !== '' && seen.has(key)) continue;
    seen.add(key);
    next.push(toMember(person));
  }
  return next;
}

/** The reason label (English, like Partner Center's own text) followed by the user's notes. */
function reasonText(code: number, notes: string | undefined): string {
  const label = reasonLabel(code, 'en');
  const extra = notes?.trim() ?? '';
  return extra === '' ? label : `${label}: ${extra}`;
}

export function dealFieldValue(referral: Referral, field: EditableDealField): unknown {
  switch (field) {
    case 'name':
      return referral.name;
    case 'dealValue':
      return referral.details.dealValue;
    case 'currency':
      return referral.details.currency;
    case 'closingDate':
      return referral.details.closingDateTime;
    case 'notes':
      return referral.details.notes;
    case 'externalReferenceId':
      return referral.externalReferenceId;
    case 'campaignId':
      return referral.campaignId;
  }
}

function withDealFields(referral: Referral, fields: DealFields): Referral {
  const details = { ...referral.details };
  if (fields.dealValue !== undefined) details.dealValue = fields.dealValue;
  if (fields.currency !== undefined) details.currency = fields.currency;
  if (fields.closingDate !== undefined) details.closingDateTime = fields.closingDate;
  if (fields.notes !== undefined) details.notes = fields.notes;
  return {
    ...referral,
    name: fields.name ?? referral.name,
    externalReferenceId: fields.externalReferenceId ?? referral.externalReferenceId,
    campaignId: fields.campaignId ?? referral.campaignId,
    details,
  };
}

const givenFields = (fields: DealFields): EditableDealField[] =>
  EDITABLE_DEAL_FIELDS.filter((f) => fields[f] !== undefined);

function decideAccept(r: Referral, intent: IntentOf<'accept'>, ctx: DecisionContext): Decision {
  const state = stateOf(r);
  if (state === 'accepted' || state === 'won' || state === 'lost') return noop('already_accepted');
  if (state === 'declined') return rejected('already_declined');
  if (state === 'closed') return rejected('already_closed');
  // Received or Expired: what counts is whether the user acted before the deadline.
  const deadline = toMs(deadlineOf(r));
  if (!(toMs(ctx.actionTime) < deadline)) return rejected('expired');
  // Late arrival: expired meanwhile, or due to be expired (the sweeper has not run yet).
  const lateArrival = state === 'expired' || !(toMs(ctx.now) < deadline);
  const { name, dealValue, currency, closingDate, notes, externalReferenceId, campaignId, team } =
    intent.args;
  const fields: DealFields = {
    name,
    dealValue,
    currency,
    closingDate,
    notes,
    externalReferenceId,
    campaignId,
  };
  const next: Referral = {
    ...withDealFields(r, fields),
    status: 'Active',
    substatus: 'Accepted',
    acceptedDateTime: ctx.now,
    closedDateTime: null,
    reasonCode: null,
    statusReason: state === 'expired' ? '' : r.statusReason,
    team: appendMembers(r.team, team ?? []),
  };
  return applied(r, next, intent, ctx, { lateArrival, changedFields: givenFields(fields) });
}

function decideDecline(r: Referral, intent: IntentOf<'decline'>, ctx: DecisionContext): Decision {
  const state = stateOf(r);
  if (state === 'declined' || state === 'expired') return noop(`already_${state}`);
  if (state === 'accepted' || state === 'won' || state === 'lost') return rejected('already_accepted');
  if (state === 'closed') return rejected('already_closed');
  const { reasonCode, notes } = intent.args;
  const next: Referral = {
    ...r,
    status: 'Closed',
    substatus: 'Declined',
    reasonCode,
    statusReason: reasonText(reasonCode, notes),
    closedDateTime: ctx.now,
  };
  return applied(r, next, intent, ctx);
}

function decideClose(
  r: Referral,
  intent: IntentOf<'markWon'> | IntentOf<'markLost'>,
  ctx: DecisionContext,
): Decision {
  const target = intent.name === 'markWon' ? 'won' : 'lost';
  const state = stateOf(r);
  if (state === target) return noop(`already_${target}`);
  if (state === 'won' || state === 'lost' || state === 'closed') return rejected('already_closed');
  if (state !== 'accepted') return rejected('invalid_state');
  const notes = intent.args.notes?.trim() ?? '';
  const closed: Referral = { ...r, status: 'Closed', closedDateTime: ctx.now };
  const next: Referral =
    intent.name === 'markWon'
      ? { ...closed, substatus: 'Won', reasonCode: null, statusReason: notes === '' ? r.statusReason : notes }
      : {
          ...closed,
          substatus: 'Lost',
          reasonCode: intent.args.reasonCode,
          statusReason: reasonText(intent.args.reasonCode, intent.args.notes),
        };
  return applied(r, next, intent, ctx);
}

function decideEditDeal(r: Referral, intent: IntentOf<'editDeal'>, ctx: DecisionContext): Decision {
  if (stateOf(r) !== 'accepted') return rejected('invalid_state');
  const { fields, baseVersion } = intent.args;
  const versions: Readonly<Record<string, number | undefined>> = ctx.fieldVersions ?? {};
  const toApply: DealFields = {};
  const changedFields: EditableDealField[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of givenFields(fields)) {
    const yours = fields[field];
    const theirs = dealFieldValue(r, field);
    if (Object.is(yours, theirs)) continue;
    const changedAt = versions[field];
    if (typeof changedAt === 'number' && changedAt > baseVersion) {
      // Someone else changed it since the user's copy: the service value stays.
      conflicts.push({ field, yours, theirs });
      continue;
    }
    Object.assign(toApply, { [field]: yours });
    changedFields.push(field);
  }
  if (changedFields.length > 0) {
    return applied(r, withDealFields(r, toApply), intent, ctx, { conflicts, changedFields });
  }
  return conflicts.length > 0 ? rejected('conflict', conflicts) : noop('unchanged');
}

function decideOther(
  r: Referral,
  intent: IntentOf<'setFavorite'> | IntentOf<'addTeamMember'> | IntentOf<'addNote'>,
  ctx: DecisionContext,
): Decision {
  switch (intent.name) {
    case 'setFavorite':
      // A preference, not a state change: allowed on terminal referrals too.
      if (r.favorite === intent.args.favorite) return noop('unchanged');
      return applied(r, { ...r, favorite: intent.args.favorite }, intent, ctx);
    case 'addTeamMember': {
      // Team edits belong to the Accepted stage: Received has only accept/decline, Archived is read-only.
      if (stateOf(r) !== 'accepted') return rejected('invalid_state');
      const key = emailKey(intent.args.member.email);
      if (r.team.some((m) => emailKey(m.email) === key)) return noop('already_member');
      return applied(r, { ...r, team: appendMembers(r.team, [intent.args.member]) }, intent, ctx);
    }
    case 'addNote': {
      if (r.notes.some((n) => n.id === intent.args.noteId)) return noop('duplicate_note');
      const note = {
        id: intent.args.noteId,
        text: intent.args.text,
        author: ctx.actor.displayName || ctx.actor.email,
        authorId: ctx.actor.userId,
        // Service time, like every business timestamp; the device clock is only deadline evidence.
        createdAt: ctx.now,
      };
      return applied(r, { ...r, notes: [...r.notes, note] }, intent, ctx);
    }
  }
}

export function decide(referral: Referral | null, intent: Intent, ctx: DecisionContext): Decision {
  // Not visible, or a caller that loaded the wrong row: both look like "not found".
  if (referral === null || referral.id !== intent.args.referralId) return rejected('not_found');
  switch (intent.name) {
    case 'accept':
      return decideAccept(referral, intent, ctx);
    case 'decline':
      return decideDecline(referral, intent, ctx);
    case 'markWon':
    case 'markLost':
      if (ctx.rejectedAcceptIds?.has(referral.id)) return rejected('dependency_rejected');
      return decideClose(referral, intent, ctx);
    case 'editDeal':
      return decideEditDeal(referral, intent, ctx);
    default:
      return decideOther(referral, intent, ctx);
  }
}
