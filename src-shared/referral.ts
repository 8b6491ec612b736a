import { z } from 'zod';
import { ParsedLeadSourceSchema } from './marketplace/lead-source';
import { ReasonCodeSchema } from './reasons';

// The referral resource in Partner Center's wire shape (camelCase), plus our additions
// (`source`, `marketplace`, `raw`, `notes`, `reasonCode`). Input is upstream data we do not
// control: every enum is open, every object keeps unknown keys, and sub-objects have defaults.

/**
 * An enum that accepts any string: known values get autocompletion, unknown ones are kept as-is
 * (Microsoft adds values we have not seen), never rejected.
 */
export function openEnum<const T extends readonly string[]>(
  _known: T,
): z.ZodType<T[number] | (string & {}), string> {
  return z.string() as z.ZodType<T[number] | (string & {}), string>;
}

/** A string that tolerates null or absence (upstream sends both) and becomes ''. */
export function tolerantText() {
  return z
    .string()
    .nullish()
    .transform((v) => v ?? '');
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|\+00:00)$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC(y, m, 0) is the last day of month m; V8's Date.parse accepts 2024-02-30, so check here.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoUtc(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_INSTANT.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return false;
  return Number.isFinite(Date.parse(value));
}

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An ISO-8601 instant in UTC (`Z` or `+00:00`): local offsets are refused, never shifted silently. */
export const IsoUtcSchema = z.string().refine(isIsoUtc, {
  message: 'must be an ISO-8601 UTC instant (ending in Z or +00:00)',
});

/** A calendar date (`YYYY-MM-DD`): no time, no zone, so no time zone can move it by a day. */
export const CalendarDateSchema = z.string().refine(isCalendarDate, {
  message: 'must be a calendar date YYYY-MM-DD',
});

export const REFERRAL_STATUSES = ['New', 'Active', 'Closed'] as const;
export const REFERRAL_SUBSTATUSES = [
  'Pending',
  'Received',
  'Accepted',
  'Won',
  'Lost',
  'Declined',
  'Expired',
] as const;
export const REFERRAL_TYPES = ['Independent', 'Shared'] as const;
export const QUALIFICATIONS = ['None', 'Direct', 'MarketingQualified', 'SalesQualified'] as const;
export const DIRECTIONS = ['Incoming', 'Outgoing'] as const;
export const PROFILE_TYPES = ['Duns', 'External'] as const;
export const REFERRAL_SOURCES = ['partner-center', 'marketplace'] as const;

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number] | (string & {});
export type ReferralSubstatus = (typeof REFERRAL_SUBSTATUSES)[number] | (string & {});

export const MemberSchema = z.looseObject({
  firstName: tolerantText(),
  lastName: tolerantText(),
  email: tolerantText(),
  phoneNumber: tolerantText(),
  title: z.string().optional().catch(undefined),
});
export type Member = z.infer<typeof MemberSchema>;

export const AddressSchema = z.looseObject({
  addressLine1: tolerantText(),
  addressLine2: tolerantText(),
  city: tolerantText(),
  state: tolerantText(),
  postalCode: tolerantText(),
  country: tolerantText(),
  region: tolerantText(),
});

export const CustomerProfileSchema = z.looseObject({
  name: tolerantText(),
  address: AddressSchema.prefault({}),
  size: tolerantText(),
  team: z.array(MemberSchema).default(() => []),
  ids: z
    .array(z.looseObject({ profileType: openEnum(PROFILE_TYPES).default('External'), id: tolerantText() }))
    .default(() => []),
});

export const ConsentSchema = z.looseObject({
  consentToContact: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  // The doubled "To" is Microsoft's real key.
  consentToToShareInfoWithOthers: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

export const DetailsSchema = z.looseObject({
  notes: tolerantText(),
  dealValue: z.number().nullable().default(null),
  currency: tolerantText(),
  // Partner Center may send the closing date as a UTC-midnight instant: keep only its date part.
  closingDateTime: z
    .preprocess(
      (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v),
      CalendarDateSchema.nullable(),
    )
    .default(null),
  customerRequestedContact: z.boolean().nullable().default(null),
  requirements: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v) => v ?? {}),
});

export const InviteContextSchema = z.looseObject({
  notes: tolerantText(),
  invitedBy: z
    .looseObject({ organizationId: tolerantText(), organizationName: tolerantText() })
    .nullish()
    .transform((v) => v ?? { organizationId: '', organizationName: '' }),
});

export const MarketplaceActionSchema = z.looseObject({
  action: tolerantText(),
  /** The raw LeadSource text of this action's lead. */
  leadSource: tolerantText(),
  receivedAt: IsoUtcSchema,
  description: z.string().optional(),
  /** The raw payload of a later lead merged into this referral, so nothing is lost. */
  raw: z.unknown().optional(),
});
export type MarketplaceAction = z.infer<typeof MarketplaceActionSchema>;

export const MarketplaceInfoSchema = z.looseObject({
  leadSource: ParsedLeadSourceSchema.prefault({}),
  actions: z.array(MarketplaceActionSchema).default(() => []),
  isTest: z.boolean().default(false),
  dedupeKey: tolerantText(),
});
export type MarketplaceInfo = z.infer<typeof MarketplaceInfoSchema>;

export const NoteSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  /** Display name at the time of writing. */
  author: tolerantText(),
  authorId: tolerantText(),
  createdAt: IsoUtcSchema,
});
export type Note = z.infer<typeof NoteSchema>;

export const ReferralSchema = z.looseObject({
  id: z.string().min(1),
  engagementId: tolerantText(),
  name: tolerantText(),
  createdDateTime: IsoUtcSchema,
  updatedDateTime: IsoUtcSchema,
  expirationDateTime: IsoUtcSchema.nullable().default(null),
  acceptedDateTime: IsoUtcSchema.nullable().default(null),
  closedDateTime: IsoUtcSchema.nullable().default(null),
  status: openEnum(REFERRAL_STATUSES).default('New'),
  substatus: openEnum(REFERRAL_SUBSTATUSES).default('Received'),
  statusReason: tolerantText(),
  reasonCode: ReasonCodeSchema.nullable().default(null),
  type: openEnum(REFERRAL_TYPES).default('Independent'),
  qualification: openEnum(QUALIFICATIONS).default('None'),
  direction: openEnum(DIRECTIONS).default('Incoming'),
  favorite: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  externalReferenceId: tolerantText(),
  campaignId: tolerantText(),
  customerProfile: CustomerProfileSchema.prefault({}),
  consent: ConsentSchema.prefault({}),
  details: DetailsSchema.prefault({}),
  team: z.array(MemberSchema).default(() => []),
  inviteContext: InviteContextSchema.nullable().default(null),
  eTag: tolerantText(),
  source: openEnum(REFERRAL_SOURCES).default('partner-center'),
  marketplace: MarketplaceInfoSchema.nullable().default(null),
  /** The upstream payload exactly as received. */
  raw: z.unknown().default(null),
  /** Append-only. */
  notes: z.array(NoteSchema).default(() => []),
});

export type Referral = z.infer<typeof ReferralSchema>;
export type ReferralInput = z.input<typeof ReferralSchema>;

export function parseReferral(input: unknown): ReturnType<typeof ReferralSchema.safeParse> {
  return ReferralSchema.safeParse(input);
}
