import { z } from 'zod';

// Marketplace `LeadSource` strings: `Source-Action|Offer`, documented with spaces around the bar.
// Real rows vary (no spaces, `AppSource (SPZA)`, display names instead of `publisher.offer`,
// missing parts, extra bars), so the parser is tolerant and never throws; the raw text is kept.

export const LEAD_SOURCES = ['AzureMarketplace', 'AzurePortal', 'AppSource'] as const;
export type KnownLeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_ACTIONS = ['INS', 'PLT', 'DNC', 'Create', 'StartTestDrive'] as const;
export type KnownLeadAction = (typeof LEAD_ACTIONS)[number];

const SOURCE_LABELS: Record<KnownLeadSource, string> = {
  AzureMarketplace: 'Azure Marketplace',
  AzurePortal: 'Azure portal',
  AppSource: 'AppSource',
};

const ACTION_LABELS: Record<KnownLeadAction, string> = {
  INS: 'Install',
  PLT: 'Contact me',
  DNC: 'Do not contact',
  Create: 'Create',
  StartTestDrive: 'Test drive',
};

const openString = z.string() as z.ZodType<string & {}, string>;

export const ParsedLeadSourceSchema = z.looseObject({
  raw: z.string().default(''),
  source: (openString as z.ZodType<KnownLeadSource | (string & {}), string>).nullable().default(null),
  sourceLabel: z.string().default(''),
  action: (openString as z.ZodType<KnownLeadAction | (string & {}), string>).nullable().default(null),
  actionLabel: z.string().default(''),
  offer: z.string().nullable().default(null),
  publisherId: z.string().nullable().default(null),
  offerId: z.string().nullable().default(null),
});
export type ParsedLeadSource = z.infer<typeof ParsedLeadSourceSchema>;

/** Lower-case letters and digits only, so `Azure Marketplace`, `azure-marketplace` and `AZUREMARKETPLACE` match. */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Maps a source name to its canonical value; unknown names are kept as written; empty → null. */
export function normalizeLeadSourceName(value: string): KnownLeadSource | (string & {}) | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // `AppSource (SPZA)`: SPZA is AppSource's internal name; look inside and outside the parentheses.
  const outside = squash(trimmed.replace(/\([^)]*\)/g, ''));
  const inside = squash(/\(([^)]*)\)/.exec(trimmed)?.[1] ?? '');
  for (const candidate of [outside, inside, squash(trimmed)]) {
    if (candidate === 'azuremarketplace' || candidate === 'marketplace') return 'AzureMarketplace';
    if (candidate === 'azureportal' || candidate === 'portal') return 'AzurePortal';
    if (candidate === 'appsource' || candidate === 'spza') return 'AppSource';
  }
  return trimmed;
}

/** Maps an action code case-insensitively to its canonical value; unknown codes are kept; empty → null. */
export function normalizeLeadAction(value: unknown): KnownLeadAction | (string & {}) | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  switch (squash(trimmed)) {
    case 'ins':
    case 'install':
      return 'INS';
    case 'plt':
    case 'contactme':
      return 'PLT';
    case 'dnc':
    case 'donotcontact':
      return 'DNC';
    case 'create':
      return 'Create';
    case 'starttestdrive':
    case 'testdrive':
      return 'StartTestDrive';
    default:
      return trimmed;
  }
}

export function leadSourceLabel(source: string | null): string {
  if (source === null) return '';
  // hasOwn: a source named `__proto__` must not read Object.prototype.
  return Object.hasOwn(SOURCE_LABELS, source)
    ? ((SOURCE_LABELS as Record<string, string>)[source] ?? source)
    : source;
}

export function leadActionLabel(action: string | null): string {
  if (action === null) return '';
  return Object.hasOwn(ACTION_LABELS, action)
    ? ((ACTION_LABELS as Record<string, string>)[action] ?? action)
    : action;
}

// `publisher.offer` ids have no spaces; a display name (`Contoso CRM Connector`) does not split.
const OFFER_ID = /^([A-Za-z0-9][A-Za-z0-9_-]*)\.([A-Za-z0-9][A-Za-z0-9._-]*)$/;

export function splitOfferId(offer: string | null): { publisherId: string | null; offerId: string | null } {
  const match = offer === null ? null : OFFER_ID.exec(offer);
  if (!match) return { publisherId: null, offerId: null };
  return { publisherId: match[1] ?? null, offerId: match[2] ?? null };
}

function isKnownAction(value: string): boolean {
  const action = normalizeLeadAction(value);
  return action !== null && (LEAD_ACTIONS as readonly string[]).includes(action);
}

function splitSourceAndAction(head: string): { source: string; action: string } {
  const trimmed = head.trim();
  const dash = trimmed.lastIndexOf('-');
  if (dash >= 0) return { source: trimmed.slice(0, dash), action: trimmed.slice(dash + 1) };
  // No dash: a lone known action code (`INS`) is an action, anything else a source name.
  return isKnownAction(trimmed) ? { source: '', action: trimmed } : { source: trimmed, action: '' };
}

export function parseLeadSource(raw: unknown): ParsedLeadSource {
  const text = typeof raw === 'string' ? raw : '';
  const bar = text.indexOf('|');
  const head = bar >= 0 ? text.slice(0, bar) : text;
  // Extra bars: the offer is the first non-empty segment after the first bar.
  const offerText =
    bar >= 0
      ? (text
          .slice(bar + 1)
          .split('|')
          .map((s) => s.trim())
          .find((s) => s !== '') ?? '')
      : '';
  const { source: sourceText, action: actionText } = splitSourceAndAction(head);
  const source = normalizeLeadSourceName(sourceText);
  const action = normalizeLeadAction(actionText);
  const offer = offerText === '' ? null : offerText;
  return {
    raw: text,
    source,
    sourceLabel: leadSourceLabel(source),
    action,
    actionLabel: leadActionLabel(action),
    offer,
    ...splitOfferId(offer),
  };
}
