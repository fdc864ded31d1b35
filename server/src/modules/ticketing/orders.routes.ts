import { idParamsSchema, pageSchema } from '@parterre/contract/common';
import {
  listOrdersQuerySchema,
  orderSchema,
  orderSummarySchema,
  personTicketingSchema,
  recordVisitInputSchema,
  visitSchema,
} from '@parterre/contract/ticketing';
import { orderBatchInputSchema, orderBatchResultSchema } from '@parterre/contract/ticketing-push';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ticketingErrorResponses } from './catalogue.routes.ts';
import type { OrdersService } from './orders.service.ts';
import type { OrderBatchService } from './orders-batch.service.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';

const tags = ['billetterie'];

export function registerOrdersRoutes(
  server: FastifyInstance,
  services: { orders: OrdersService; orderBatch: OrderBatchService },
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { orders, orderBatch } = services;
  const read = { permission: TICKETING_PERMISSIONS.read };
  const write = { permission: TICKETING_PERMISSIONS.write };

  app.get(
    '/api/v1/orders',
    {
      config: read,
      schema: {
        summary: 'Lister les commandes (les plus récentes d’abord)',
        tags,
        querystring: listOrdersQuerySchema,
        response: { 200: pageSchema(orderSummarySchema), ...ticketingErrorResponses },
      },
    },
    async (request) => orders.listOrders(request.scope, request.query),
  );

  app.get(
    '/api/v1/orders/:id',
    {
      config: read,
      schema: {
        summary: 'Consulter une commande et ses billets',
        tags,
        params: idParamsSchema,
        response: { 200: orderSchema, ...ticketingErrorResponses },
      },
    },
    async (request) => orders.getOrder(request.scope, request.params.id),
  );

  app.get(
    '/api/v1/contacts/:id/ticketing',
    {
      config: read,
      schema: {
        summary: 'Billetterie d’un contact : chiffres clés et dernières commandes',
        tags,
        params: idParamsSchema,
        response: { 200: personTicketingSchema, ...ticketingErrorResponses },
      },
    },
    async (request) => orders.getPersonTicketing(request.scope, request.params.id),
  );

  app.post(
    '/api/v1/visits',
    {
      config: write,
      schema: {
        summary: 'Enregistrer une entrée (scan) ou une visite',
        description:
          'Idempotent sur (`source`, `externalId`) : 201 à la première réception, 200 ensuite. Avec `ticketLineExternalId`, le billet donne le visiteur et la représentation.',
        tags,
        body: recordVisitInputSchema,
        response: { 200: visitSchema, 201: visitSchema, ...ticketingErrorResponses },
      },
    },
    async (request, reply) => {
      const { visit, created } = await orders.recordVisit(request.scope, request.body);
      return reply.status(created ? 201 : 200).send(visit);
    },
  );

  // `::` escapes the colon: find-my-way would read `:batch` as a parameter.
  app.post(
    '/api/v1/ticketing/orders::batch',
    {
      config: write,
      schema: {
        summary: 'Pousser jusqu’à 1 000 commandes d’un système de billetterie',
        description:
          'Chaque commande (`TicketingOrderInput`) est mise à jour ou créée selon (`source`, `externalId`) : la réponse dit, dans l’ordre, `created`, `updated`, `unchanged` ou `error` (avec le problème). Renvoyer le même lot ne change rien. Acheteurs et bénéficiaires sont rapprochés des contacts existants (identifiant source, e-mail, téléphone) ou créés. Accepte `Idempotency-Key`.',
        tags,
        body: orderBatchInputSchema,
        response: { 200: orderBatchResultSchema, ...ticketingErrorResponses },
      },
    },
    async (request) => orderBatch.importOrderBatch(request.scope, request.body, request.url.split('?')[0]),
  );
}
