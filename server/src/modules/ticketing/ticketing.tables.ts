import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * Catalogue rows are upserted by imports and connectors on (source, external id); rows entered by
 * hand have source 'parterre' and their own id as external id.
 */
const sourced = () => ({
  source: text('source').notNull(),
  externalId: text('external_id').notNull(),
});

export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    name: text('name').notNull(),
    city: text('city'),
    capacity: integer('capacity'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('venues_source_idx').on(t.tenantId, t.source, t.externalId)],
);

export const seasons = pgTable(
  'seasons',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    name: text('name').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('seasons_source_idx').on(t.tenantId, t.source, t.externalId)],
);

/** A show or an exhibition. kind: spectacle | exposition | concert | evenement | visite */
export const productions = pgTable(
  'productions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    title: text('title').notNull(),
    kind: text('kind').notNull().default('spectacle'),
    /** Discipline or genre: théâtre, danse, musique, cirque, jeune public, arts plastiques… */
    discipline: text('discipline'),
    seasonId: uuid('season_id').references(() => seasons.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('productions_source_idx').on(t.tenantId, t.source, t.externalId)],
);

/** A performance or an exhibition time slot. */
export const performances = pgTable(
  'performances',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    productionId: uuid('production_id')
      .notNull()
      .references(() => productions.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    capacity: integer('capacity'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('performances_source_idx').on(t.tenantId, t.source, t.externalId),
    index('performances_production_idx').on(t.tenantId, t.productionId, t.startsAt),
  ],
);

export const priceCategories = pgTable(
  'price_categories',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    /** The label as the ticketing system names it, folded for matching: "Tarif réduit" → "tarif reduit". */
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** plein | reduit | jeune | scolaire | invitation | abonnement | groupe | autre */
    kind: text('kind').notNull().default('autre'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('price_categories_code_idx').on(t.tenantId, t.code)],
);

/** channel: guichet | web | revendeur | telephone | autre; status: paid | cancelled | refunded | partially_refunded */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    buyerPersonId: uuid('buyer_person_id'),
    buyerOrganisationId: uuid('buyer_organisation_id'),
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    channel: text('channel').notNull().default('autre'),
    status: text('status').notNull().default('paid'),
    total: numeric('total', { precision: 12, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('EUR'),
    /** The row as received, so that a re-import can tell "unchanged" from "updated". */
    contentHash: text('content_hash'),
    importId: uuid('import_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('orders_source_idx').on(t.tenantId, t.source, t.externalId),
    index('orders_buyer_idx').on(t.tenantId, t.buyerPersonId, t.orderedAt),
    index('orders_tenant_ordered_idx').on(t.tenantId, t.orderedAt),
  ],
);

/** status: valid | cancelled | refunded */
export const ticketLines = pgTable(
  'ticket_lines',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    performanceId: uuid('performance_id').references(() => performances.id, { onDelete: 'set null' }),
    priceCategoryId: uuid('price_category_id').references(() => priceCategories.id, { onDelete: 'set null' }),
    holderPersonId: uuid('holder_person_id'),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    seat: text('seat'),
    status: text('status').notNull().default('valid'),
    contentHash: text('content_hash'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('ticket_lines_source_idx').on(t.tenantId, t.source, t.externalId),
    index('ticket_lines_order_idx').on(t.orderId),
    index('ticket_lines_performance_idx').on(t.tenantId, t.performanceId),
    index('ticket_lines_holder_idx').on(t.tenantId, t.holderPersonId),
  ],
);

/** An entry scan or a recorded visit. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    ...sourced(),
    personId: uuid('person_id'),
    ticketLineId: uuid('ticket_line_id').references(() => ticketLines.id, { onDelete: 'set null' }),
    performanceId: uuid('performance_id').references(() => performances.id, { onDelete: 'set null' }),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('visits_source_idx').on(t.tenantId, t.source, t.externalId),
    index('visits_person_idx').on(t.tenantId, t.personId, t.scannedAt),
    // The scans of an order's tickets, on its page.
    index('visits_ticket_line_idx').on(t.tenantId, t.ticketLineId),
  ],
);

/** Per-person facts kept current from events, so that segments never rescan the history. */
export const personTicketingSummaries = pgTable(
  'person_ticketing_summaries',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').primaryKey(),
    firstOrderAt: timestamp('first_order_at', { withTimezone: true }),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    firstVisitAt: timestamp('first_visit_at', { withTimezone: true }),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    ordersCount: integer('orders_count').notNull().default(0),
    ticketsCount: integer('tickets_count').notNull().default(0),
    visitsCount: integer('visits_count').notNull().default(0),
    spendTotal: numeric('spend_total', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    orders12m: integer('orders_12m').notNull().default(0),
    tickets12m: integer('tickets_12m').notNull().default(0),
    visits12m: integer('visits_12m').notNull().default(0),
    spend12m: numeric('spend_12m', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    favouriteDisciplines: text('favourite_disciplines').array().notNull().default(sql`'{}'::text[]`),
    favouriteVenueIds: uuid('favourite_venue_ids').array().notNull().default(sql`'{}'::uuid[]`),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
    facts: jsonb('facts').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('person_ticketing_summaries_tenant_idx').on(t.tenantId, t.lastOrderAt)],
);
