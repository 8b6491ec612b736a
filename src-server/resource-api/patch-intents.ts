import { randomUUID } from 'node:crypto';
import {
  parseIntent,
  REASON_CODES,
  reasonLabel,
  type Intent,
  type MutationName,
  type Referral,
} from '../../src-shared/index';
import { HttpError, type FieldDetail } from '../http/errors';
import { badPatch, type DealPatch, type PatchPlan } from './json-patch';

// A PATCH plan → the shared intents, in the order a person would act: accept (with its deal
// fields and team), edit the deal, add team members and notes, set the favorite, and last any
// closing move (decline, won, lost). Every intent is parsed by the shared schemas; an argument
// error names the JSON Patch path it came from.

const TARGETS: Record<string, { status: string; intent: MutationName | null }> = {
  accepted: { status: 'Active', intent: 'accept' },
  declined: { status: 'Closed', intent: 'decline' },
  won: { status: 'Closed', intent: 'markWon' },
  lost: { status: 'Closed', intent: 'markLost' },
  received: { status: 'New', intent: null },
  pending: { status: 'New', intent: null },
  expired: { status: 'Closed', intent: null },
};

const DEAL_ARG_PATH: Record<string, string> = {
  name: '/name',
  dealValue: '/details/dealValue',
  currency: '/details/currency',
  closingDate: '/details/closingDateTime',
  notes: '/details/notes',
  externalReferenceId: '/externalReferenceId',
  campaignId: '/campaignId',
  reasonCode: '/reasonCode',
};

interface Draft {
  name: MutationName;
  args: Record<string, unknown>;
  /** Maps an argument error field to the patch path it came from. */
  pathOf: (field: string) => string;
}

/** The target substatus (canonical casing), or null when the patch does not change the status. */
function targetOf(plan: PatchPlan, current: Referral): string | null {
  const wanted =
    plan.substatus ??
    (plan.status?.toLowerCase() === 'active'
      ? 'Accepted'
      : plan.status?.toLowerCase() === 'new'
        ? 'Received'
        : undefined);
  if (wanted === undefined) {
    if (plan.status !== undefined && plan.status.toLowerCase() !== current.status.toLowerCase()) {
      throw badPatch([
        {
          field: plan.pathOf.status ?? '/status',
          message: 'give the substatus as well: Won, Lost or Declined',
        },
      ]);
    }
    return null;
  }
  const target = TARGETS[wanted.toLowerCase()];
  const path = plan.pathOf.substatus ?? plan.pathOf.status ?? '/substatus';
  if (!target) throw badPatch([{ field: path, message: `unknown substatus "${wanted}"` }]);
  if (plan.status !== undefined && plan.status.toLowerCase() !== target.status.toLowerCase()) {
    throw badPatch([
      {
        field: plan.pathOf.status ?? '/status',
        message: `substatus ${wanted} goes with status ${target.status}`,
      },
    ]);
  }
  const canonical = wanted.charAt(0).toUpperCase() + wanted.slice(1).toLowerCase();
  if (canonical.toLowerCase() === current.substatus.toLowerCase()) return null;
  if (!target.intent) {
    throw new HttpError(
      422,
      'invalid_transition',
      `A referral cannot be moved to ${canonical} by a client.`,
      {
        details: [{ field: path, message: `${current.substatus} → ${canonical} is not a client action` }],
      },
    );
  }
  return canonical;
}

/** Partner Center clients send the reason as text: a known label maps to its code, else 8 (Other). */
function reasonCodeOf(plan: PatchPlan): unknown {
  if (plan.reasonCode !== undefined) return plan.reasonCode;
  const reason = plan.statusReason?.trim().toLowerCase() ?? '';
  const code = REASON_CODES.find(
    (c) =>
      reason === reasonLabel(c, 'en').toLowerCase() || reason.startsWith(`${c} `) || reason === String(c),
  );
  return code ?? 8;
}

const given = (deal: DealPatch): Record<string, unknown> =>
  Object.fromEntries(Object.entries(deal).filter(([, v]) => v !== undefined));

function draftsOf(plan: PatchPlan, current: Referral, version: number): Draft[] {
  const referralId = current.id;
  const drafts: Draft[] = [];
  const dealPath = (field: string) =>
    DEAL_ARG_PATH[field.split('.')[0] ?? ''] ?? `/${field.replace(/\./g, '/')}`;
  const target = targetOf(plan, current);
  if (
    (plan.statusReason !== undefined || plan.reasonCode !== undefined) &&
    (target === null || target === 'Accepted')
  ) {
    throw badPatch([
      {
        field: plan.pathOf.reasonCode ?? plan.pathOf.statusReason ?? '/statusReason',
        message: 'goes only with a change to Declined, Won or Lost',
      },
    ]);
  }
  let deal = given(plan.deal);
  let members = plan.members;
  if (target === 'Accepted') {
    const d = current.details;
    drafts.push({
      name: 'accept',
      args: {
        referralId,
        name: current.name,
        dealValue: d.dealValue ?? undefined,
        currency: d.currency || undefined,
        closingDate: d.closingDateTime ?? undefined,
        ...deal,
        team: members.map((m) => m.value),
      },
      pathOf: (field) =>
        field.startsWith('team.') ? (members[Number(field.split('.')[1])]?.path ?? '/team') : dealPath(field),
    });
    deal = {};
    members = [];
  }
  if (Object.keys(deal).length > 0) {
    drafts.push({
      name: 'editDeal',
      args: { referralId, fields: deal, baseVersion: version },
      pathOf: (f) => dealPath(f.replace(/^fields\.?/, '') || 'name'),
    });
  }
  for (const member of members) {
    drafts.push({
      name: 'addTeamMember',
      args: { referralId, member: member.value },
      pathOf: () => member.path,
    });
  }
  for (const note of plan.notes) {
    const textValue =
      typeof note.value === 'object' && note.value !== null
        ? (note.value as { text?: unknown }).text
        : note.value;
    drafts.push({
      name: 'addNote',
      args: { referralId, noteId: randomUUID(), text: textValue },
      pathOf: () => note.path,
    });
  }
  if (plan.favorite !== undefined) {
    drafts.push({
      name: 'setFavorite',
      args: { referralId, favorite: plan.favorite },
      pathOf: () => plan.pathOf.favorite ?? '/favorite',
    });
  }
  const notes = plan.statusReason;
  if (target === 'Declined' || target === 'Lost') {
    drafts.push({
      name: target === 'Declined' ? 'decline' : 'markLost',
      args: { referralId, reasonCode: reasonCodeOf(plan), ...(notes ? { notes } : {}) },
      pathOf: dealPath,
    });
  } else if (target === 'Won') {
    drafts.push({
      name: 'markWon',
      args: { referralId, ...(notes ? { notes } : {}) },
      pathOf: () => plan.pathOf.statusReason ?? '/statusReason',
    });
  }
  return drafts;
}

/** Turns the plan into parsed intents; any argument error is a 400 naming the patch path. */
export function intentsOf(plan: PatchPlan, current: Referral, version: number): Intent[] {
  if (plan.teamReplacement) {
    const kept = new Set(plan.teamReplacement.emails);
    const removed = current.team.filter(
      (m) => m.email.trim() !== '' && !kept.has(m.email.trim().toLowerCase()),
    );
    if (removed.length > 0) {
      throw new HttpError(422, 'unsupported_change', 'Team members cannot be removed; add members instead.', {
        details: [
          {
            field: plan.teamReplacement.path,
            message: `would remove ${removed.map((m) => m.email).join(', ')}`,
          },
        ],
      });
    }
    const existing = new Set(current.team.map((m) => m.email.trim().toLowerCase()));
    plan.members = plan.members.filter((m) => {
      const email =
        typeof m.value === 'object' && m.value !== null ? (m.value as { email?: unknown }).email : undefined;
      return !(typeof email === 'string' && existing.has(email.trim().toLowerCase()));
    });
  }
  const intents: Intent[] = [];
  const errors: FieldDetail[] = [];
  for (const draft of draftsOf(plan, current, version)) {
    const parsed = parseIntent(draft.name, draft.args);
    if (parsed.ok) intents.push(parsed.intent);
    else errors.push(...parsed.error.map((e) => ({ field: draft.pathOf(e.field), message: e.message })));
  }
  if (errors.length > 0) throw badPatch(errors);
  return intents;
}
