import type { MarketplaceAction, Member, Referral } from '../referral';
import { isIsoUtc, ReferralSchema } from '../referral';
import type { ParsedLeadSource } from './lead-source';
import { normalizeLeadAction, parseLeadSource, splitOfferId } from './lead-source';

// Commercial marketplace leads (domain.md section 5) → referrals. Microsoft never re-sends a lead,
// so nothing here throws: an unusable body becomes {ok:false, reason} for the dead-letter table.

export interface NormalizeContext {
  /** The referral id to create (a uuid chosen by the caller). */
  id: string;
  engagementId: string;
  /** Intake time, ISO UTC. */
  now: string;
}

export interface NormalizedLead {
  ok: true;
  referral: Referral;
  dedupeKey: string;
  isTest: boolean;
}

export type NormalizeFailureReason =
  'not_an_object' | 'no_customer_fields' | 'invalid_customer_info' | 'invalid_context';
export type NormalizeResult = NormalizedLead | { ok: false; reason: NormalizeFailureReason };

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Looks a key up case-insensitively (`UserDetails`, `userDetails`, `USERDETAILS`). */
export function getCaseInsensitive(obj: Obj, key: string): unknown {
  if (Object.hasOwn(obj, key)) return obj[key];
  const wanted = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === wanted) return obj[k];
  return undefined;
}

function str(obj: Obj, key: string): string {
  const value = getCaseInsensitive(obj, key);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** `MSFT_TEST` anywhere in any string (keys included), case-insensitively. */
export function isTestLead(value: unknown): boolean {
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return v.toUpperCase().includes('MSFT_TEST');
    if (typeof v !== 'object' || v === null || depth > 32 || seen.has(v)) return false;
    seen.add(v);
    try {
      for (const [k, child] of Object.entries(v))
        if (visit(k, depth + 1) || visit(child, depth + 1)) return true;
    } catch {
      // A hostile getter or proxy: treat what we could not read as not test data.
    }
    return false;
  };
  return visit(value, 0);
}

/** Merge key: trimmed lower-case email, then the normalized offer: `jane@contoso.com|contoso.crm`. */
export function dedupeKey(email: string | null | undefined, offer: string | null | undefined): string {
  const clean = (s: string | null | undefined) => (typeof s === 'string' ? s.trim().toLowerCase() : '');
  return `${clean(email)}|${clean(offer)}`;
}

/** The offer part of the key: `publisher.offer` when known, else the display name. */
export function offerKey(parsed: ParsedLeadSource, productId = '', offerTitle = ''): string {
  if (parsed.publisherId && parsed.offerId) return `${parsed.publisherId}.${parsed.offerId}`.toLowerCase();
  const fromProduct = splitOfferId(productId.trim());
  if (fromProduct.publisherId && fromProduct.offerId)
    return `${fromProduct.publisherId}.${fromProduct.offerId}`.toLowerCase();
  return (offerTitle || parsed.offer || productId).trim().toLowerCase();
}

interface LeadFields {
  contact: Obj;
  leadSource: unknown;
  actionCode: unknown;
  offerTitle: string;
  productId: string;
  description: string;
  createdDateTime: string | null;
  raw: unknown;
}

function buildLead(fields: LeadFields, ctx: NormalizeContext): NormalizeResult {
  const c = fields.contact;
  const member: Member = {
    firstName: str(c, 'FirstName'),
    lastName: str(c, 'LastName'),
    email: str(c, 'Email'),
    phoneNumber: str(c, 'Phone') || str(c, 'PhoneNumber'),
  };
  const title = str(c, 'Title');
  if (title !== '') member.title = title;
  const company = str(c, 'Company');
  const country = str(c, 'Country');
  if (!member.email && !member.firstName && !member.lastName && !company && !member.phoneNumber) {
    return { ok: false, reason: 'no_customer_fields' };
  }
  const leadSource = parseLeadSource(fields.leadSource);
  const action = leadSource.action ?? normalizeLeadAction(fields.actionCode);
  const offer = offerKey(leadSource, fields.productId, fields.offerTitle);
  // Without an email two anonymous leads (.edu) cannot be told apart: never merge them.
  const key = member.email ? dedupeKey(member.email, offer) : `anonymous:${ctx.id}|${offer}`;
  const isTest = isTestLead(fields.raw);
  const fullName = `${member.firstName} ${member.lastName}`.trim();
  const created = fields.createdDateTime ?? ctx.now;
  const marketplaceAction: MarketplaceAction = {
    action: action ?? '',
    leadSource: leadSource.raw,
    receivedAt: ctx.now,
  };
  if (fields.description) marketplaceAction.description = fields.description;
  const parsed = ReferralSchema.safeParse({
    id: ctx.id,
    engagementId: ctx.engagementId,
    name: fields.offerTitle || leadSource.offer || fields.productId,
    createdDateTime: created,
    updatedDateTime: ctx.now,
    status: 'New',
    substatus: 'Received',
    type: 'Independent',
    qualification: 'Direct',
    direction: 'Incoming',
    source: 'marketplace',
    customerProfile: { name: company || fullName || member.email, address: { country }, team: [member] },
    // The customer shared their details with the publisher; a DNC lead is a courtesy notice only.
    consent: { consentToContact: action !== 'DNC', consentToToShareInfoWithOthers: false },
    details: {
      notes: fields.description,
      customerRequestedContact: action === 'PLT' ? true : action === 'DNC' ? false : null,
    },
    marketplace: { leadSource, actions: [marketplaceAction], isTest, dedupeKey: key },
    raw: fields.raw,
  });
  if (!parsed.success) return { ok: false, reason: 'invalid_context' };
  return { ok: true, referral: parsed.data, dedupeKey: key, isTest };
}

/** Microsoft's HTTPS-endpoint payload (`UserDetails`, `LeadSource`, `ActionCode`, `OfferTitle`, `Description`). */
export function normalizeHttpsLead(body: unknown, ctx: NormalizeContext): NormalizeResult {
  try {
    if (!isObject(body)) return { ok: false, reason: 'not_an_object' };
    const details = getCaseInsensitive(body, 'UserDetails');
    // Some senders flatten the contact onto the body: fall back to the top level.
    const contact = isObject(details) ? details : body;
    return buildLead(
      {
        contact,
        leadSource: getCaseInsensitive(body, 'LeadSource'),
        actionCode: getCaseInsensitive(body, 'ActionCode'),
        offerTitle: str(body, 'OfferTitle'),
        productId: '',
        description: str(body, 'Description'),
        createdDateTime: null,
        raw: body,
      },
      ctx,
    );
  } catch {
    // Exotic inputs (proxies, throwing getters) must still reach the dead-letter table.
    return { ok: false, reason: 'not_an_object' };
  }
}

/** An instant from a table row: ISO UTC kept, ISO without a zone read as UTC, other zones converted. */
function rowInstant(value: unknown): string | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (isIsoUtc(trimmed)) return new Date(Date.parse(trimmed)).toISOString();
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2}:\d{2})?$/.exec(trimmed);
  if (!m) return null;
  const candidate = m[2] ? new Date(Date.parse(trimmed)).toISOString() : `${m[1]}Z`;
  return isIsoUtc(candidate) ? new Date(Date.parse(candidate)).toISOString() : null;
}

/** An Azure Table row: `CustomerInfo` is a JSON string holding the `UserDetails` fields. */
export function normalizeTableRow(row: unknown, ctx: NormalizeContext): NormalizeResult {
  try {
    if (!isObject(row)) return { ok: false, reason: 'not_an_object' };
    const info = getCaseInsensitive(row, 'CustomerInfo');
    let contact: Obj = {};
    if (typeof info === 'string' && info.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(info);
      } catch {
        return { ok: false, reason: 'invalid_customer_info' };
      }
      if (!isObject(parsed)) return { ok: false, reason: 'invalid_customer_info' };
      contact = parsed;
    } else if (isObject(info)) {
      contact = info;
    }
    const userDetails = getCaseInsensitive(contact, 'UserDetails');
    if (isObject(userDetails)) contact = userDetails;
    return buildLead(
      {
        contact,
        leadSource: getCaseInsensitive(row, 'LeadSource'),
        actionCode: getCaseInsensitive(row, 'ActionCode'),
        offerTitle: str(row, 'OfferDisplayName'),
        productId: str(row, 'ProductId'),
        description: str(row, 'Description'),
        createdDateTime:
          rowInstant(getCaseInsensitive(row, 'CreatedTime')) ??
          rowInstant(getCaseInsensitive(row, 'Timestamp')),
        raw: row,
      },
      ctx,
    );
  } catch {
    return { ok: false, reason: 'not_an_object' };
  }
}

export { mergeMarketplaceAction } from './merge';
