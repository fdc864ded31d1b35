/**
 * HelloAsso API v5 "Order" notifications → Parterre orders (see docs/…/ticketing/helloasso.md).
 * Amounts are in cents, countries in ISO alpha-3, dates carry 7 fractional digits; the payer is the
 * buyer, each item's `user` the participant. Items that are not tickets (donations, memberships)
 * are left out: they belong to patronage and membership, not to the box office.
 */

type Json = Record<string, unknown>;

const NOT_TICKETS = new Set([
  'Donation',
  'MonthlyDonation',
  'OfflineDonation',
  'Membership',
  'Contribution',
  'Bonus',
]);

/** The alpha-3 codes HelloAsso payers mostly have; others go through as written. */
const ALPHA3: Record<string, string> = {
  FRA: 'FR',
  BEL: 'BE',
  CHE: 'CH',
  LUX: 'LU',
  MCO: 'MC',
  DEU: 'DE',
  ESP: 'ES',
  ITA: 'IT',
  GBR: 'GB',
  NLD: 'NL',
  PRT: 'PT',
  USA: 'US',
  CAN: 'CA',
  REU: 'RE',
  GLP: 'GP',
  MTQ: 'MQ',
  GUF: 'GF',
  MYT: 'YT',
};

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const cents = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value / 100 : undefined;

/** `2020-11-14T11:13:08.2972161+00:00` → `2020-11-14T11:13:08.297+00:00`. */
export function helloAssoDate(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  const trimmed = text.replace(/(\.\d{3})\d+/, '$1');
  return /[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed) ? trimmed : `${trimmed}Z`;
}

function saleStatus(state: unknown): 'confirmed' | 'pending' | 'cancelled' | 'refunded' | undefined {
  const folded = String(state ?? '').toLowerCase();
  if (folded.startsWith('refund')) return 'refunded';
  if (folded.startsWith('cancel') || folded === 'canceled') return 'cancelled';
  if (['pending', 'waiting', 'init'].includes(folded)) return 'pending';
  if (folded) return 'confirmed';
  return undefined;
}

function person(source: Json | undefined) {
  if (!source) return null;
  const country = str(source.country);
  const address = {
    line1: str(source.address),
    postalCode: str(source.zipCode),
    city: str(source.city),
    country: country ? (ALPHA3[country.toUpperCase()] ?? country) : undefined,
  };
  return {
    firstName: str(source.firstName),
    lastName: str(source.lastName),
    email: str(source.email),
    birthDate: str(source.dateOfBirth)?.slice(0, 10),
    address: Object.values(address).some(Boolean) ? address : undefined,
  };
}

const unslug = (slug: string) => {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Maps the `data` of an Order notification to an order of the push API (validated afterwards like
 * any other). Undefined when the order holds no ticket at all.
 */
export function mapHelloAssoOrder(data: Json): Json | undefined {
  const orderId = String(data.id ?? '');
  const formSlug = str(data.formSlug) ?? 'formulaire';
  const production = {
    externalId: [str(data.organizationSlug), formSlug].filter(Boolean).join('/'),
    title: str(data.formName) ?? unslug(formSlug),
    genre: data.formType === 'Event' ? 'évènement' : undefined,
  };
  const items = Array.isArray(data.items) ? (data.items as Json[]) : [];
  const tickets = items.filter((item) => !NOT_TICKETS.has(String(item.type ?? '')));
  if (items.length > 0 && tickets.length === 0) return undefined;
  const buyer = person(data.payer as Json | undefined);
  const amount = data.amount as unknown;
  const total = typeof amount === 'object' && amount !== null ? cents((amount as Json).total) : cents(amount);
  return {
    externalId: orderId,
    orderedAt: helloAssoDate(data.date),
    channel: 'web',
    status: saleStatus(data.state) ?? 'confirmed',
    ...(total !== undefined ? { total } : {}),
    currency: 'EUR',
    buyer,
    lines: tickets.map((item, index) => {
      const holder = person(item.user as Json | undefined);
      return {
        externalId: item.id !== undefined ? String(item.id) : `${orderId}-${index + 1}`,
        performance: { externalId: production.externalId, production },
        priceCategory: str(item.name) ?? str(item.tierDescription),
        amount: cents(item.amount) ?? cents(item.initialAmount) ?? 0,
        ...(saleStatus(item.state) ? { status: saleStatus(item.state) } : {}),
        ...(holder && (holder.firstName || holder.lastName || holder.email) ? { holder } : {}),
      };
    }),
  };
}
