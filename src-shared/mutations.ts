import { z } from 'zod';
import { CalendarDateSchema, IsoUtcSchema } from './referral';
import { ReasonCodeSchema } from './reasons';

// The arguments of every intent a client may send (sync-protocol.md section 4). Unknown keys are
// stripped, not rejected, so an older service tolerates a newer client's extra fields.

const ReferralIdSchema = z.string().trim().min(1, 'must not be empty').max(200);
const DealNameSchema = z.string().trim().min(1, 'must not be empty').max(200);
const DealValueSchema = z.number().nonnegative(); // zod 4 numbers already refuse NaN and ±Infinity
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code of three upper-case letters');
const NotesSchema = z.string().max(10_000);
const ShortTextSchema = z.string().trim().max(200);

/** A person added by the partner: the email is required and must be valid (it identifies them). */
export const MemberInputSchema = z.object({
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  email: z.email().max(254),
  phoneNumber: z.string().trim().max(50).default(''),
  title: z.string().trim().max(100).optional(),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;

export const AcceptArgsSchema = z.object({
  referralId: ReferralIdSchema,
  name: DealNameSchema,
  dealValue: DealValueSchema,
  currency: CurrencySchema,
  closingDate: CalendarDateSchema,
  notes: NotesSchema.optional(),
  externalReferenceId: ShortTextSchema.optional(),
  campaignId: ShortTextSchema.optional(),
  team: z.array(MemberInputSchema).max(100).optional(),
});

export const DeclineArgsSchema = z.object({
  referralId: ReferralIdSchema,
  reasonCode: ReasonCodeSchema,
  notes: NotesSchema.optional(),
});

export const MarkWonArgsSchema = z.object({
  referralId: ReferralIdSchema,
  notes: NotesSchema.optional(),
});

export const MarkLostArgsSchema = z.object({
  referralId: ReferralIdSchema,
  reasonCode: ReasonCodeSchema,
  notes: NotesSchema.optional(),
});

export const SetFavoriteArgsSchema = z.object({
  referralId: ReferralIdSchema,
  favorite: z.boolean(),
});

export const EDITABLE_DEAL_FIELDS = [
  'name',
  'dealValue',
  'currency',
  'closingDate',
  'notes',
  'externalReferenceId',
  'campaignId',
] as const;
export type EditableDealField = (typeof EDITABLE_DEAL_FIELDS)[number];

export const DealFieldsSchema = z
  .object({
    name: DealNameSchema.optional(),
    dealValue: DealValueSchema.optional(),
    currency: CurrencySchema.optional(),
    closingDate: CalendarDateSchema.optional(),
    notes: NotesSchema.optional(),
    externalReferenceId: ShortTextSchema.optional(),
    campaignId: ShortTextSchema.optional(),
  })
  .refine((fields) => EDITABLE_DEAL_FIELDS.some((key) => fields[key] !== undefined), {
    message: 'at least one field must be given',
  });
export type DealFields = z.infer<typeof DealFieldsSchema>;

export const EditDealArgsSchema = z.object({
  referralId: ReferralIdSchema,
  fields: DealFieldsSchema,
  /** The service version the user's copy was at when they edited. */
  baseVersion: z.int().nonnegative(),
});

export const AddTeamMemberArgsSchema = z.object({
  referralId: ReferralIdSchema,
  member: MemberInputSchema,
});

export const AddNoteArgsSchema = z.object({
  referralId: ReferralIdSchema,
  noteId: z.uuid(),
  text: z
    .string()
    .max(10_000)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
});

export const MUTATION_NAMES = [
  'accept',
  'decline',
  'markWon',
  'markLost',
  'setFavorite',
  'editDeal',
  'addTeamMember',
  'addNote',
] as const;
export type MutationName = (typeof MUTATION_NAMES)[number];

export const MutationArgsSchemas = {
  accept: AcceptArgsSchema,
  decline: DeclineArgsSchema,
  markWon: MarkWonArgsSchema,
  markLost: MarkLostArgsSchema,
  setFavorite: SetFavoriteArgsSchema,
  editDeal: EditDealArgsSchema,
  addTeamMember: AddTeamMemberArgsSchema,
  addNote: AddNoteArgsSchema,
} as const satisfies Record<MutationName, z.ZodType>;

export type MutationArgs<N extends MutationName> = z.infer<(typeof MutationArgsSchemas)[N]>;

export const IntentSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('accept'), args: AcceptArgsSchema }),
  z.object({ name: z.literal('decline'), args: DeclineArgsSchema }),
  z.object({ name: z.literal('markWon'), args: MarkWonArgsSchema }),
  z.object({ name: z.literal('markLost'), args: MarkLostArgsSchema }),
  z.object({ name: z.literal('setFavorite'), args: SetFavoriteArgsSchema }),
  z.object({ name: z.literal('editDeal'), args: EditDealArgsSchema }),
  z.object({ name: z.literal('addTeamMember'), args: AddTeamMemberArgsSchema }),
  z.object({ name: z.literal('addNote'), args: AddNoteArgsSchema }),
]);
export type Intent = z.infer<typeof IntentSchema>;
export type IntentOf<N extends MutationName> = Extract<Intent, { name: N }>;

export interface FieldError {
  /** Dotted path inside args (`team.0.email`), or `name` for an unknown mutation. */
  field: string;
  message: string;
}

export type ParseIntentResult = { ok: true; intent: Intent } | { ok: false; error: FieldError[] };

export function isMutationName(name: unknown): name is MutationName {
  return typeof name === 'string' && (MUTATION_NAMES as readonly string[]).includes(name);
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

export function parseIntent(name: string, args: unknown): ParseIntentResult {
  if (!isMutationName(name)) {
    return { ok: false, error: [{ field: 'name', message: `unknown mutation "${String(name)}"` }] };
  }
  const parsed = IntentSchema.safeParse({ name, args });
  if (parsed.success) return { ok: true, intent: parsed.data };
  // Paths start with `args`; the caller already knows they are arguments.
  const errors = issuesToFieldErrors(parsed.error.issues).map((e) => ({
    ...e,
    field: e.field === 'args' ? '(root)' : e.field.replace(/^args\./, ''),
  }));
  return { ok: false, error: errors };
}

/** One outbox entry on the wire. `args` are checked per mutation so one bad entry cannot fail a batch. */
export const PushMutationSchema = z.object({
  seq: z.int().min(1),
  id: z.uuid(),
  name: z.string().min(1).max(100),
  args: z.unknown().optional(),
  createdAt: IsoUtcSchema,
});
export type PushMutation = z.infer<typeof PushMutationSchema>;
