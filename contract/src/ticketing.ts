import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { orderChannelSchema } from './intake.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** A ticketing system's name as Parterre knows it: `billetweb`, `helloasso`, `guichet-2019`… */
export const sourceNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { error: 'Nom de source attendu (minuscules, chiffres, - _ .)' });

// ---------------------------------------------------------------- catalogue

export const productionKindSchema = z.enum(['spectacle', 'exposition', 'concert', 'evenement', 'visite']);
export type ProductionKind = z.infer<typeof productionKindSchema>;

export const priceCategoryKindSchema = z.enum([
  'plein',
  'reduit',
  'jeune',
  'scolaire',
  'invitation',
  'abonnement',
  'groupe',
  'autre',
]);
export type PriceCategoryKind = z.infer<typeof priceCategoryKindSchema>;

const recordFields = {
  id: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Send it back in `If-Match` to update. */
  version: z.number().int(),
};
const sourcedFields = {
  /** `parterre` for rows entered by hand; otherwise the ticketing system they come from. */
  source: z.string(),
  /** The row's id in its source (its own id for rows entered by hand). */
  externalId: z.string(),
};
/** Give both to upsert a row on a ticketing system's id; neither for a row entered by hand. */
const sourcedInput = { source: sourceNameSchema.optional(), externalId: text(200).optional() };
const bothOrNeither = (value: { source?: string; externalId?: string }) =>
  (value.source === undefined) === (value.externalId === undefined);
const bothOrNeitherError = {
  error: 'Indiquez à la fois `source` et `externalId`, ou aucun des deux',
  path: ['externalId'],
};

export const venueSchema = z
  .object({
    ...recordFields,
    ...sourcedFields,
    name: z.string(),
    city: z.string().nullable(),
    capacity: z.number().int().nullable(),
  })
  .meta({ id: 'Venue' });
export type Venue = z.infer<typeof venueSchema>;
const venueFields = { name: text(200), city: optionalText(200), capacity: z.number().int().min(0).nullish() };
export const createVenueInputSchema = z
  .object({ ...sourcedInput, ...venueFields })
  .refine(bothOrNeither, bothOrNeitherError);
export const updateVenueInputSchema = z.object(venueFields).partial();
export type CreateVenueInput = z.input<typeof createVenueInputSchema>;

export const seasonSchema = z
  .object({
    ...recordFields,
    ...sourcedFields,
    /** e.g. « Saison 2025-2026 ». */
    name: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
  })
  .meta({ id: 'Season' });
export type Season = z.infer<typeof seasonSchema>;
const seasonFields = { name: text(200), startsOn: z.iso.date().nullish(), endsOn: z.iso.date().nullish() };
export const createSeasonInputSchema = z
  .object({ ...sourcedInput, ...seasonFields })
  .refine(bothOrNeither, bothOrNeitherError);
export const updateSeasonInputSchema = z.object(seasonFields).partial();
export type CreateSeasonInput = z.input<typeof createSeasonInputSchema>;

export const productionSchema = z
  .object({
    ...recordFields,
    ...sourcedFields,
    title: z.string(),
    kind: productionKindSchema,
    /** Discipline or genre: théâtre, danse, musique, cirque, jeune public, arts plastiques… */
    discipline: z.string().nullable(),
    seasonId: z.uuid().nullable(),
  })
  .meta({ id: 'Production' });
export type Production = z.infer<typeof productionSchema>;
const productionFields = {
  title: text(300),
  kind: productionKindSchema.optional(),
  discipline: optionalText(100),
  seasonId: z.uuid().nullish(),
};
export const createProductionInputSchema = z
  .object({ ...sourcedInput, ...productionFields })
  .refine(bothOrNeither, bothOrNeitherError);
export const updateProductionInputSchema = z.object(productionFields).partial();
export type CreateProductionInput = z.input<typeof createProductionInputSchema>;

export const performanceSchema = z
  .object({
    ...recordFields,
    ...sourcedFields,
    productionId: z.uuid(),
    venueId: z.uuid().nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    capacity: z.number().int().nullable(),
  })
  .meta({ id: 'Performance' });
export type Performance = z.infer<typeof performanceSchema>;
const performanceFields = {
  productionId: z.uuid(),
  venueId: z.uuid().nullish(),
  startsAt: isoDateTime.nullish(),
  endsAt: isoDateTime.nullish(),
  capacity: z.number().int().min(0).nullish(),
};
export const createPerformanceInputSchema = z
  .object({ ...sourcedInput, ...performanceFields })
  .refine(bothOrNeither, bothOrNeitherError);
export const updatePerformanceInputSchema = z.object(performanceFields).partial();
export type CreatePerformanceInput = z.input<typeof createPerformanceInputSchema>;

export const priceCategorySchema = z
  .object({
    ...recordFields,
    /** The label folded for matching imports: « Tarif réduit » → `tarif reduit`. */
    code: z.string(),
    label: z.string(),
    kind: priceCategoryKindSchema,
  })
  .meta({ id: 'PriceCategory' });
export type PriceCategory = z.infer<typeof priceCategorySchema>;
export const createPriceCategoryInputSchema = z.object({
  label: text(200),
  /** Inferred from the label when absent (« Moins de 26 ans » → `jeune`). */
  kind: priceCategoryKindSchema.optional(),
});
export const updatePriceCategoryInputSchema = createPriceCategoryInputSchema.partial();
export type CreatePriceCategoryInput = z.input<typeof createPriceCategoryInputSchema>;

export const catalogueListQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Performances of one production only. */
  productionId: z.uuid().optional(),
  /** Productions, or performances, of one season only. */
  seasonId: z.uuid().optional(),
});

// ---------------------------------------------------------------- sales

/** `partially_refunded`: confirmed, but some of its tickets were refunded or cancelled. */
export const orderStatusSchema = z.enum(['paid', 'pending', 'cancelled', 'refunded', 'partially_refunded']);
export const ticketStatusSchema = z.enum(['valid', 'pending', 'cancelled', 'refunded']);

const personRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const orderSummarySchema = z
  .object({
    id: z.uuid(),
    source: z.string(),
    externalId: z.string(),
    orderedAt: z.string().nullable(),
    channel: z.string(),
    status: orderStatusSchema,
    total: z.number().nullable(),
    currency: z.string(),
    buyer: personRefSchema.nullable(),
    /** Tickets not cancelled nor refunded. */
    ticketCount: z.number().int(),
    productionTitles: z.array(z.string()),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const ticketLineSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    amount: z.number(),
    seat: z.string().nullable(),
    status: ticketStatusSchema,
    performance: z
      .object({
        id: z.uuid(),
        startsAt: z.string().nullable(),
        productionId: z.uuid(),
        productionTitle: z.string(),
        venueName: z.string().nullable(),
      })
      .nullable(),
    priceCategory: z.object({ id: z.uuid(), label: z.string(), kind: priceCategoryKindSchema }).nullable(),
    /** Who holds the ticket; null when it is the buyer. */
    holder: personRefSchema.nullable(),
    /** Entry scans of this ticket, oldest first. */
    scans: z.array(z.object({ id: z.uuid(), source: z.string(), scannedAt: z.string() })),
  })
  .meta({ id: 'TicketLine' });

export const orderSchema = orderSummarySchema
  .extend({ lines: z.array(ticketLineSchema) })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

export const listOrdersQuerySchema = z.object({
  /** Orders bought by this person or holding one of their tickets. */
  personId: z.uuid().optional(),
  /** Orders with a ticket for this performance. */
  performanceId: z.uuid().optional(),
  status: orderStatusSchema.optional(),
  channel: orderChannelSchema.optional(),
  /** The ticketing system the orders come from. */
  source: sourceNameSchema.optional(),
  /** Ordered on or after this day (Europe/Paris). */
  from: z.iso.date().optional(),
  /** Ordered on or before this day (Europe/Paris). */
  to: z.iso.date().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

const windowed = z.object({ last12Months: z.number(), allTime: z.number() });
export const personTicketingSchema = z
  .object({
    personId: z.uuid(),
    firstOrderAt: z.string().nullable(),
    lastOrderAt: z.string().nullable(),
    /** A visit: a scan, or a valid ticket held for a performance that has begun. */
    firstVisitAt: z.string().nullable(),
    lastVisitAt: z.string().nullable(),
    /** Bought by the person (cancelled and refunded orders left out). */
    orders: windowed,
    /** Held by the person (the buyer when a ticket names no holder). */
    tickets: windowed,
    /** Distinct performances attended. */
    visits: windowed,
    /** Amount of the person's orders, refunded and cancelled tickets left out. */
    spend: windowed,
    /** Top 3 by tickets. */
    favouriteDisciplines: z.array(z.string()),
    favouriteVenues: z.array(z.object({ id: z.uuid(), name: z.string() })),
    refreshedAt: z.string().nullable(),
    recentOrders: z.array(orderSummarySchema),
  })
  .meta({ id: 'PersonTicketing' });
export type PersonTicketing = z.infer<typeof personTicketingSchema>;

export const recordVisitInputSchema = z
  .object({
    source: sourceNameSchema,
    /** The scan's id in its source: sending it again records nothing new. */
    externalId: text(200),
    personId: z.uuid().optional(),
    /** The scanned ticket (same source); gives the person and the performance. */
    ticketLineExternalId: text(200).optional(),
    performanceId: z.uuid().optional(),
    scannedAt: isoDateTime,
  })
  .refine((v) => v.personId !== undefined || v.ticketLineExternalId !== undefined, {
    error: 'Indiquez `personId` ou `ticketLineExternalId`',
    path: ['personId'],
  });
export type RecordVisitInput = z.infer<typeof recordVisitInputSchema>;

export const visitSchema = z
  .object({
    id: z.uuid(),
    source: z.string(),
    externalId: z.string(),
    personId: z.uuid().nullable(),
    ticketLineId: z.uuid().nullable(),
    performanceId: z.uuid().nullable(),
    scannedAt: z.string(),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof visitSchema>;
