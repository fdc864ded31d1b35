import { z } from 'zod';
import { isoDateTime, problemSchema } from './common.ts';
import { importDedupeSchema, orderChannelSchema, saleStatusSchema } from './intake.ts';
import { sourceNameSchema } from './ticketing.ts';

/*
 * The push API and the signed webhooks through which ticketing systems send their orders
 * (`POST /api/v1/ticketing/orders:batch`, `POST /api/v1/ticketing/webhooks/{source}`).
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const buyerInputSchema = z.object({
  /** The customer's id in the source: the surest way to find them again. */
  externalId: text(200).optional(),
  /** « M. », « Mme », « Monsieur »… */
  civility: optionalText(30),
  firstName: optionalText(200),
  lastName: optionalText(200),
  /** Kept (flagged invalid) even when malformed, so that nothing is lost. */
  email: optionalText(320),
  phone: optionalText(40),
  birthDate: z.iso.date().nullish(),
  address: z
    .object({
      line1: optionalText(300),
      line2: optionalText(300),
      postalCode: optionalText(20),
      city: optionalText(200),
      region: optionalText(200),
      /** ISO code (FR, FRA) or name (France). */
      country: optionalText(100),
    })
    .nullish(),
});
export type BuyerInput = z.infer<typeof buyerInputSchema>;

export const orderLineInputSchema = z.object({
  /** Unique within the source (a ticket number, a barcode). */
  externalId: text(200),
  performance: z.object({
    externalId: text(200),
    startsAt: isoDateTime.nullish(),
    endsAt: isoDateTime.nullish(),
    production: z.object({ externalId: text(200), title: text(300), genre: optionalText(100) }),
    venue: z.object({ name: text(200) }).nullish(),
  }),
  /** The price category's label in the source (« Tarif réduit »). */
  priceCategory: optionalText(200),
  /** In currency units, e.g. 24.5. */
  amount: z.number().min(-1_000_000).max(1_000_000),
  seat: optionalText(50),
  /** Defaults to the order's status (or `refunded` for a negative amount). */
  status: saleStatusSchema.optional(),
  /** Who attends when it is not the buyer. */
  holder: buyerInputSchema.nullish(),
});
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

export const orderInputSchema = z
  .object({
    externalId: text(200),
    orderedAt: isoDateTime,
    channel: orderChannelSchema.default('autre'),
    /** A partial refund: keep `confirmed` here and set `refunded` on the refunded lines. */
    status: saleStatusSchema.default('confirmed'),
    /** Sum of the valid lines when absent. */
    total: z.number().nullish(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    buyer: buyerInputSchema.nullable(),
    lines: z.array(orderLineInputSchema).max(500),
  })
  .meta({ id: 'TicketingOrderInput' });
export type OrderInput = z.infer<typeof orderInputSchema>;

export const ORDER_BATCH_MAX = 1000;

export const orderBatchInputSchema = z
  .object({
    source: sourceNameSchema,
    /** What to do with the people created: `off` leaves them; otherwise the identity engine checks them. */
    dedupe: importDedupeSchema.default('review'),
    /** Up to 1,000 `TicketingOrderInput` objects, each validated on its own. */
    orders: z
      .array(z.record(z.string(), z.unknown()).meta({ description: 'Un TicketingOrderInput' }))
      .min(1)
      .max(ORDER_BATCH_MAX),
  })
  .meta({ id: 'OrderBatchInput' });

export const orderBatchResultSchema = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int(),
        externalId: z.string().nullable(),
        status: z.enum(['created', 'updated', 'unchanged', 'error']),
        orderId: z.uuid().optional(),
        error: problemSchema.optional(),
      }),
    ),
    counts: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      error: z.number().int(),
    }),
  })
  .meta({ id: 'OrderBatchResult' });
export type OrderBatchResult = z.infer<typeof orderBatchResultSchema>;

export const webhookSecretInputSchema = z.object({
  /** Shared with the ticketing system; it signs each call with HMAC-SHA256. */
  secret: z.string().min(16).max(256),
});
export const webhookSourceParamsSchema = z.object({ source: sourceNameSchema });
