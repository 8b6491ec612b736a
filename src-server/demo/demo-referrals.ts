import {
  addDays,
  addHours,
  normalizeHttpsLead,
  ReferralSchema,
  type Referral,
  type ReferralInput,
} from '../../src-shared/index';

// Realistic demo referrals, generated deterministically from a seed (mulberry32), so that the same
// index always gives the same kind of referral and tests can rely on the counts. Dates are relative
// to `now`: Received referrals are always inside their 14-day window, some expire within days,
// some asked to be contacted within the last 72 hours.

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const uuid = (rand: Rand): string => {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rand() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const FIRST = [
  'Anna',
  'Lars',
  'Sofia',
  'Mohammed',
  'Emma',
  'Lucas',
  'Chloé',
  'Hiroshi',
  'Priya',
  'James',
  'Olivia',
  'Mateo',
  'Ingrid',
  'Noah',
  'Fatima',
  'Elias',
];
const LAST = [
  'Andersson',
  'Müller',
  'Dubois',
  'Smith',
  'Tanaka',
  'Patel',
  'García',
  'Johansson',
  'Rossi',
  'Nguyen',
  'Kowalski',
  'Brown',
  'Larsen',
  'Silva',
];
const COMPANIES = [
  'Northwind Traders',
  'Adventure Works',
  'Tailspin Toys',
  'Wide World Importers',
  'Woodgrove Bank',
  'Litware Inc.',
  'Proseware',
  'Alpine Ski House',
  'Blue Yonder Airlines',
  'Coho Winery',
  'Fourth Coffee',
  'Graphic Design Institute',
  'Humongous Insurance',
  'Lamna Healthcare',
  "Margie's Travel",
  'Nod Publishers',
  'Relecloud',
  'Southridge Video',
  'Trey Research',
  'VanArsdel Ltd.',
  'Wingtip Toys',
  'Datum Corporation',
  'Bellows College',
  'Consolidated Messenger',
];
const PLACES = [
  { city: 'Seattle', state: 'WA', country: 'US', region: 'North America', currency: 'USD' },
  { city: 'Stockholm', state: '', country: 'SE', region: 'Europe', currency: 'SEK' },
  { city: 'Paris', state: '', country: 'FR', region: 'Europe', currency: 'EUR' },
  { city: 'London', state: '', country: 'GB', region: 'Europe', currency: 'GBP' },
  { city: 'Munich', state: 'BY', country: 'DE', region: 'Europe', currency: 'EUR' },
  { city: 'Tokyo', state: '', country: 'JP', region: 'Asia Pacific', currency: 'JPY' },
  { city: 'Sydney', state: 'NSW', country: 'AU', region: 'Asia Pacific', currency: 'AUD' },
  { city: 'Toronto', state: 'ON', country: 'CA', region: 'North America', currency: 'CAD' },
  { city: 'Zurich', state: '', country: 'CH', region: 'Europe', currency: 'CHF' },
  { city: 'Oslo', state: '', country: 'NO', region: 'Europe', currency: 'NOK' },
];
const OFFERS = [
  'Contoso CRM Connector',
  'contoso.contoso-analytics',
  'Contoso Field Service',
  'contoso.secure-backup',
];
const SOURCES = ['AzureMarketplace', 'AppSource (SPZA)', 'AzurePortal'];
const ACTIONS = ['INS', 'PLT', 'DNC', 'Create', 'StartTestDrive'] as const;
const SIZES = [
  '1 to 50 employees',
  '51 to 250 employees',
  '251 to 1000 employees',
  '1001 to 5000 employees',
  'More than 5000 employees',
];
const NEEDS = [
  'Migrate on-premises CRM to Dynamics 365',
  'Azure landing zone and governance',
  'Copilot adoption for sales',
  'Data platform on Fabric',
  'Zero-trust security review',
  'SAP on Azure',
];

export type DemoStage = 'received' | 'accepted' | 'won' | 'lost' | 'declined' | 'expired';
export type DemoKind = 'marketplace-lead' | 'direct' | 'qualified' | 'cosell';

/** The stage of the i-th referral: 45 % received, 25 % accepted, 30 % archived in four outcomes. */
export function demoStageOf(i: number): DemoStage {
  const slot = i % 20;
  if (slot < 9) return 'received';
  if (slot < 14) return 'accepted';
  return (['won', 'won', 'lost', 'declined', 'expired', 'declined'] as const)[slot - 14] as DemoStage;
}

export function demoKindOf(i: number): DemoKind {
  const slot = Math.floor(i / 20 + i) % 10;
  if (slot < 4) return 'marketplace-lead';
  if (slot < 5) return 'direct';
  if (slot < 8) return 'qualified';
  return 'cosell';
}

function person(rand: Rand, domain: string) {
  const firstName = pick(rand, FIRST);
  const lastName = pick(rand, LAST);
  const local = `${firstName}.${lastName}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    firstName,
    lastName,
    email: `${local}@${domain}`,
    phoneNumber: `+1 555 01${Math.floor(rand() * 90 + 10)}`,
  };
}

interface DemoOptions {
  count: number;
  seed: number;
  now: string;
  /** The partner's people who may appear on teams (the first is the member). */
  partnerTeam: { firstName: string; lastName: string; email: string; phoneNumber: string }[];
  partnerName: string;
}

function marketplaceLead(
  rand: Rand,
  i: number,
  id: string,
  company: string,
  contact: ReturnType<typeof person>,
  created: string,
): Referral {
  const action = ACTIONS[i % ACTIONS.length] ?? 'INS';
  const offer = pick(rand, OFFERS);
  const isTest = i % 23 === 0;
  const body = {
    UserDetails: {
      FirstName: contact.firstName,
      LastName: contact.lastName,
      Email: contact.email,
      Phone: contact.phoneNumber,
      Country: pick(rand, PLACES).country,
      Company: company,
      Title: pick(rand, ['CIO', 'IT Manager', 'Head of Sales Ops', 'Developer']),
    },
    LeadSource: `${pick(rand, SOURCES)}-${action}|${offer}`,
    ActionCode: action,
    OfferTitle: offer,
    Description: isTest ? 'MSFT_TEST lead from the publisher portal' : `${pick(rand, NEEDS)} (${company})`,
  };
  const normalized = normalizeHttpsLead(body, { id, engagementId: id, now: created });
  if (!normalized.ok) throw new Error(`demo lead ${i} did not normalize: ${normalized.reason}`);
  return { ...normalized.referral, createdDateTime: created, updatedDateTime: created };
}

export function demoReferral(i: number, opts: DemoOptions): Referral {
  const rand = prng(opts.seed * 100_003 + i);
  const id = uuid(rand);
  const stage = demoStageOf(i);
  const kind = demoKindOf(i);
  const place = pick(rand, PLACES);
  const company = pick(rand, COMPANIES);
  const domain = `${company.toLowerCase().replace(/[^a-z]/g, '')}.example`;
  const contact = person(rand, domain);
  const nowMs = Date.parse(opts.now);
  // Received: inside the 14-day window; every 6th expires within 3 days; every 5th is < 72 h old.
  const ageHours =
    stage === 'received'
      ? i % 6 === 0
        ? 24 * 11 + rand() * 60
        : i % 5 === 0
          ? rand() * 70
          : rand() * 24 * 10
      : 24 * (15 + rand() * 120);
  const created = new Date(nowMs - ageHours * 3_600_000).toISOString();
  if (kind === 'marketplace-lead')
    return withStage(
      marketplaceLead(rand, i, id, company, contact, created),
      stage,
      rand,
      opts,
      place.currency,
    );
  const input: ReferralInput = {
    id,
    engagementId: uuid(rand),
    name: '',
    createdDateTime: created,
    updatedDateTime: created,
    status: 'New',
    substatus: i % 7 === 0 ? 'Pending' : 'Received',
    type: kind === 'cosell' && i % 2 === 0 ? 'Shared' : 'Independent',
    qualification:
      kind === 'direct'
        ? 'Direct'
        : kind === 'qualified'
          ? i % 3 === 0
            ? 'SalesQualified'
            : 'MarketingQualified'
          : i % 2 === 0
            ? 'SalesQualified'
            : 'None',
    direction: 'Incoming',
    customerProfile: {
      name: company,
      address: {
        addressLine1: `${Math.floor(rand() * 900 + 100)} Main Street`,
        city: place.city,
        state: place.state,
        postalCode: String(Math.floor(rand() * 90000 + 10000)),
        country: place.country,
        region: place.region,
      },
      size: pick(rand, SIZES),
      team: [contact],
      ids: i % 4 === 0 ? [{ profileType: 'Duns', id: String(Math.floor(rand() * 9e8 + 1e8)) }] : [],
    },
    consent: { consentToContact: true, consentToToShareInfoWithOthers: i % 3 !== 0 },
    details: {
      notes: pick(rand, NEEDS),
      dealValue: null,
      currency: place.currency,
      customerRequestedContact: i % 5 === 0 ? true : null,
      requirements: {
        industries: [pick(rand, ['Retail', 'Financial services', 'Healthcare', 'Manufacturing'])],
        products: [pick(rand, ['Azure', 'Dynamics 365', 'Microsoft 365'])],
      },
    },
    inviteContext:
      kind === 'cosell'
        ? {
            notes: 'Joint opportunity, please engage',
            invitedBy: {
              organizationId: uuid(rand),
              organizationName: pick(rand, [
                'Fabrikam Solutions',
                'Litware Consulting',
                'Proseware Partners',
              ]),
            },
          }
        : { notes: '', invitedBy: { organizationId: 'msft', organizationName: 'Microsoft' } },
    expirationDateTime: stage === 'received' && i % 4 === 0 ? addDays(created, 14) : null,
  };
  return withStage(ReferralSchema.parse(input), stage, rand, opts, place.currency);
}

function withStage(r: Referral, stage: DemoStage, rand: Rand, opts: DemoOptions, currency: string): Referral {
  if (stage === 'received') return r;
  const accepted = addHours(r.createdDateTime, 6 + rand() * 200);
  const member = opts.partnerTeam[Math.floor(rand() * opts.partnerTeam.length)];
  const team = member && rand() < 0.6 ? [member] : [];
  const dealValue = Math.round(5 + rand() * 495) * 1000;
  const deal = {
    ...r,
    name: `${r.customerProfile.name} – ${r.details.notes.split(' ').slice(0, 4).join(' ') || 'opportunity'}`,
    acceptedDateTime: accepted,
    updatedDateTime: accepted,
    team,
    externalReferenceId: `CRM-${Math.floor(rand() * 90000 + 10000)}`,
    details: {
      ...r.details,
      dealValue,
      currency: currency,
      closingDateTime: addDays(accepted, 30 + Math.floor(rand() * 150)).slice(0, 10),
    },
  };
  const closed = addDays(accepted, 10 + rand() * 40);
  switch (stage) {
    case 'accepted':
      return { ...deal, status: 'Active', substatus: 'Accepted' };
    case 'won':
      return { ...deal, status: 'Closed', substatus: 'Won', closedDateTime: closed, updatedDateTime: closed };
    case 'lost':
      return {
        ...deal,
        status: 'Closed',
        substatus: 'Lost',
        reasonCode: 3,
        statusReason: 'Customer chose another vendor',
        closedDateTime: closed,
        updatedDateTime: closed,
      };
    case 'declined':
      return {
        ...r,
        status: 'Closed',
        substatus: 'Declined',
        reasonCode: 4,
        statusReason: 'Requirements not met',
        closedDateTime: accepted,
        updatedDateTime: accepted,
      };
    case 'expired': {
      const at = addDays(r.createdDateTime, 14);
      return {
        ...r,
        status: 'Closed',
        substatus: 'Expired',
        statusReason: 'Expired: no response before the deadline',
        closedDateTime: at,
        updatedDateTime: at,
      };
    }
  }
}

export function demoReferrals(opts: DemoOptions): Referral[] {
  return Array.from({ length: opts.count }, (_, i) => demoReferral(i, opts));
}
