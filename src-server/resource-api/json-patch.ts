import { z } from 'zod';
import { HttpError, type FieldDetail } from '../http/errors';

// JSON Patch (RFC 6902) as Partner Center's PATCH takes it, limited to `replace` and `add`, read
// into a plan: which status the caller asks for, which deal fields, team members, notes and the
// favorite flag. The plan is then turned into the shared intents (patch-intents.ts): a PATCH is
// never a row overwrite.

const OperationSchema = z.looseObject({
  op: z.string(),
  path: z.string(),
  value: z.unknown().optional(),
});
export const PatchDocumentSchema = z.array(OperationSchema).min(1, 'the patch has no operations').max(100);

export type DealPatch = Partial<{
  name: unknown;
  dealValue: unknown;
  currency: unknown;
  closingDate: unknown;
  notes: unknown;
  externalReferenceId: unknown;
  campaignId: unknown;
}>;

export interface PatchPlan {
  status?: string;
  substatus?: string;
  statusReason?: string;
  reasonCode?: unknown;
  favorite?: boolean;
  deal: DealPatch;
  /** Members added to the partner's team, with the JSON pointer each came from. */
  members: { value: unknown; path: string }[];
  /** Replacing /team with an array: everyone already on it must still be in it (no removals). */
  teamReplacement?: { emails: string[]; path: string };
  notes: { value: unknown; path: string }[];
  /** Where each plan entry came from, to name paths in errors. */
  pathOf: Partial<
    Record<keyof DealPatch | 'status' | 'substatus' | 'statusReason' | 'reasonCode' | 'favorite', string>
  >;
}

const DEAL_PATHS: Record<string, keyof DealPatch> = {
  '/name': 'name',
  '/details/dealvalue': 'dealValue',
  '/details/currency': 'currency',
  '/details/closingdatetime': 'closingDate',
  '/details/notes': 'notes',
  '/externalreferenceid': 'externalReferenceId',
  '/campaignid': 'campaignId',
};

export const badPatch = (details: FieldDetail[], message?: string): HttpError =>
  new HttpError(
    400,
    'invalid_patch',
    message ?? `Invalid patch: ${details[0]?.field ?? ''}: ${details[0]?.message ?? ''}`,
    { details },
  );

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw badPatch([{ field: path, message: 'must be a string' }]);
  return value;
}

/** A closing date may come as `YYYY-MM-DD` or a UTC-midnight instant: keep the calendar date. */
function closingDate(value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

function memberEmail(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const email = (value as { email?: unknown }).email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

export function planPatch(body: unknown): PatchPlan {
  const parsed = PatchDocumentSchema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: i.path.length ? `[${i.path.map(String).join('].')}` : '(root)',
      message: i.message,
    }));
    throw badPatch(
      details,
      Array.isArray(body)
        ? undefined
        : 'The body must be a JSON Patch document: an array of {op, path, value}.',
    );
  }
  const plan: PatchPlan = { deal: {}, members: [], notes: [], pathOf: {} };
  parsed.data.forEach((operation, index) => {
    const op = operation.op;
    if (op !== 'replace' && op !== 'add') {
      throw badPatch(
        [{ field: `[${index}].op`, message: `"${op}" is not supported: only replace and add` }],
        `Unsupported patch operation "${op}" at [${index}]: only replace and add.`,
      );
    }
    if (!Object.hasOwn(operation, 'value'))
      throw badPatch([{ field: `[${index}].value`, message: `${op} needs a value` }]);
    const path = operation.path;
    const key = path.toLowerCase();
    const value = operation.value;
    if (Object.hasOwn(DEAL_PATHS, key)) {
      const field = DEAL_PATHS[key] as keyof DealPatch;
      plan.deal[field] = field === 'closingDate' ? closingDate(value) : value;
      plan.pathOf[field] = path;
      return;
    }
    switch (key) {
      case '/status':
      case '/substatus':
      case '/statusreason': {
        const name = key === '/status' ? 'status' : key === '/substatus' ? 'substatus' : 'statusReason';
        plan[name] = text(value, path);
        plan.pathOf[name] = path;
        return;
      }
      case '/reasoncode':
        plan.reasonCode = value;
        plan.pathOf.reasonCode = path;
        return;
      case '/favorite':
        if (typeof value !== 'boolean') throw badPatch([{ field: path, message: 'must be true or false' }]);
        plan.favorite = value;
        plan.pathOf.favorite = path;
        return;
      case '/team': {
        if (!Array.isArray(value)) throw badPatch([{ field: path, message: 'must be an array of members' }]);
        value.forEach((member, i) => plan.members.push({ value: member, path: `${path}/${i}` }));
        if (op === 'replace') plan.teamReplacement = { emails: value.map(memberEmail), path };
        return;
      }
      case '/notes/-':
        plan.notes.push({ value, path });
        return;
      default:
        // `/team/-` appends; `/team/3` with add inserts, which for a team is the same as appending.
        if (/^\/team\/(-|\d+)$/.test(key) && op === 'add') {
          plan.members.push({ value, path });
          return;
        }
        throw badPatch(
          [{ field: path, message: 'this path cannot be patched' }],
          `The path ${path} cannot be patched.`,
        );
    }
  });
  return plan;
}
