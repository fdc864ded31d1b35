import { hash } from 'node:crypto';
import type { OrderInput } from '@parterre/contract/ticketing-push';
import type { IntakePerson } from '../contacts/people-intake.service.ts';
import { foldLabel } from './price-category-kind.ts';

export type OrderStatus = 'paid' | 'pending' | 'cancelled' | 'refunded' | 'partially_refunded';
export type TicketStatus = 'valid' | 'pending' | 'cancelled' | 'refunded';

/** A ticket line ready to be written, with the catalogue keys it points to. */
export type PreparedLine = {
  externalId: string;
  performanceKey: string;
  priceCategoryCode: string | null;
  amount: number;
  seat: string | null;
  status: TicketStatus;
  holder: IntakePerson | null;
  hash: string;
};

/** An order ready to be written: statuses mapped, total computed, content hashed. */
export type PreparedOrder = {
  externalId: string;
  orderedAt: string;
  channel: string;
  status: OrderStatus;
  total: number;
  currency: string;
  buyer: IntakePerson | null;
  lines: PreparedLine[];
  productionTitles: string[];
  hash: string;
};

/** The catalogue rows a batch refers to, each once, keyed as the upsert keys them. */
export type CatalogueNeeds = {
  venues: Map<string, { name: string }>;
  productions: Map<string, { title: string; genre: string | null }>;
  performances: Map<
    string,
    { productionKey: string; venueKey: string | null; startsAt: string | null; endsAt: string | null }
  >;
  priceCategories: Map<string, { label: string }>;
};

const LINE_STATUS: Record<string, TicketStatus> = {
  confirmed: 'valid',
  pending: 'pending',
  cancelled: 'cancelled',
  refunded: 'refunded',
};
const ORDER_STATUS: Record<string, OrderStatus> = {
  confirmed: 'paid',
  pending: 'pending',
  cancelled: 'cancelled',
  refunded: 'refunded',
};

/** Tickets that neither count as sold nor as spend. */
export const VOID_TICKET_STATUSES: readonly TicketStatus[] = ['cancelled', 'refunded'];
const isVoid = (status: TicketStatus) => VOID_TICKET_STATUSES.includes(status);

const hashOf = (text: string) => hash('sha1', text, 'base64url');
const round2 = (value: number) => Math.round(value * 100) / 100;

/** A venue has no id in the sources: its folded name stands for one. */
export const venueKey = (name: string) => foldLabel(name);

function lineStatus(order: OrderInput, line: OrderInput['lines'][number]): TicketStatus {
  if (line.status) return LINE_STATUS[line.status];
  if (order.status !== 'confirmed') return LINE_STATUS[order.status];
  return line.amount < 0 ? 'refunded' : 'valid';
}

/**
 * Maps a validated order to what is stored. The content hash covers the whole order as received
 * (buyer and lines included), so that a re-sent order is recognised as unchanged before anything
 * else is done with it; each line also gets its own hash.
 */
export function prepareOrder(order: OrderInput): PreparedOrder {
  const lines = order.lines.map((line): PreparedLine => {
    const status = lineStatus(order, line);
    return {
      externalId: line.externalId,
      performanceKey: line.performance.externalId,
      priceCategoryCode: line.priceCategory ? foldLabel(line.priceCategory) || null : null,
      amount: round2(line.amount),
      seat: line.seat ?? null,
      status,
      holder: line.holder ?? null,
      hash: hashOf(`${order.externalId}\n${JSON.stringify(line)}`),
    };
  });
  let status = ORDER_STATUS[order.status];
  const voided = lines.filter((line) => isVoid(line.status)).length;
  if (status === 'paid' && voided > 0) status = voided === lines.length ? 'refunded' : 'partially_refunded';
  const total =
    order.total ?? lines.filter((line) => !isVoid(line.status)).reduce((sum, line) => sum + line.amount, 0);
  return {
    externalId: order.externalId,
    orderedAt: order.orderedAt,
    channel: order.channel,
    status,
    total: round2(total),
    currency: order.currency,
    buyer: order.buyer,
    lines,
    productionTitles: [...new Set(order.lines.map((line) => line.performance.production.title))],
    // The lines' hashes stand for the lines: each line is serialised once.
    hash: hashOf(
      `${JSON.stringify({ ...order, lines: undefined })}\n${lines.map((line) => line.hash).join(',')}`,
    ),
  };
}

/** Collects the catalogue rows the given orders need, the last description of each winning. */
export function catalogueNeeds(orders: OrderInput[]): CatalogueNeeds {
  const needs: CatalogueNeeds = {
    venues: new Map(),
    productions: new Map(),
    performances: new Map(),
    priceCategories: new Map(),
  };
  for (const line of orders.flatMap((order) => order.lines)) {
    const { performance } = line;
    const venue = performance.venue ? venueKey(performance.venue.name) : null;
    if (venue && performance.venue) needs.venues.set(venue, { name: performance.venue.name });
    needs.productions.set(performance.production.externalId, {
      title: performance.production.title,
      genre: performance.production.genre ?? null,
    });
    needs.performances.set(performance.externalId, {
      productionKey: performance.production.externalId,
      venueKey: venue,
      startsAt: performance.startsAt ?? null,
      endsAt: performance.endsAt ?? null,
    });
    const code = line.priceCategory ? foldLabel(line.priceCategory) : '';
    if (code) needs.priceCategories.set(code, { label: line.priceCategory as string });
  }
  return needs;
}

const formats = new Map<string, Intl.NumberFormat>();
function formatAmount(amount: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format.format(amount);
}

/** French one-liner for the history: « 2 billets · Carmen · 48,00 € ». */
export function describeOrder(order: PreparedOrder): string {
  const tickets = order.lines.filter((line) => !isVoid(line.status)).length;
  const amount = formatAmount(order.total, order.currency);
  const titles =
    order.productionTitles.slice(0, 3).join(', ') + (order.productionTitles.length > 3 ? '…' : '');
  return [`${tickets} billet${tickets > 1 ? 's' : ''}`, titles, amount].filter(Boolean).join(' · ');
}
