import { problemSchema } from '@parterre/contract/common';
import {
  orderBatchResultSchema,
  webhookSecretInputSchema,
  webhookSourceParamsSchema,
} from '@parterre/contract/ticketing-push';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ticketingErrorResponses } from './catalogue.routes.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';
import type { WebhooksService } from './webhooks.service.ts';

const tags = ['billetterie'];

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

/**
 * The webhook receiver lives in its own plugin: only there is the JSON body kept raw beside its
 * parsed form, since the HMAC is computed over the exact bytes received.
 */
export async function registerWebhookRoutes(
  server: FastifyInstance,
  service: WebhooksService,
): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.put(
    '/api/v1/ticketing/webhook-secrets/:source',
    {
      config: { permission: TICKETING_PERMISSIONS.admin },
      schema: {
        summary: 'Définir le secret de signature des webhooks d’une source',
        description:
          'Le secret n’est jamais renvoyé. Le système de billetterie signe chaque appel : `X-Parterre-Signature: sha256=<HMAC-SHA256 hexadécimal du corps>`.',
        tags,
        params: webhookSourceParamsSchema,
        body: webhookSecretInputSchema,
        response: { 204: z.null().describe('Aucun contenu'), ...ticketingErrorResponses },
      },
    },
    async (request, reply) => {
      await service.setWebhookSecret(request.scope, request.params.source, request.body.secret);
      return reply.status(204).send(null);
    },
  );

  await server.register(async (scoped) => {
    scoped.removeContentTypeParser('application/json');
    scoped.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const raw = body as Buffer;
      request.rawBody = raw;
      // An unreadable body is refused after the signature check (401 before 400).
      let parsed: unknown = null;
      try {
        parsed = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : null;
      } catch {
        parsed = null;
      }
      done(null, parsed);
    });
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/ticketing/webhooks/:source',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Recevoir les commandes d’un système de billetterie (webhook signé)',
          description:
            'Corps : le même lot que `/api/v1/ticketing/orders:batch` (`{orders: [...]}`) ou une notification HelloAsso (`{eventType: "Order", data: {...}}`). Signature obligatoire : `X-Parterre-Signature: sha256=<hex>` (HMAC-SHA256 du corps brut avec le secret de la source), sinon 401 `ticketing.bad_signature`. Rejouer le même corps ne change rien.',
          tags,
          params: webhookSourceParamsSchema,
          response: { 200: orderBatchResultSchema, ...ticketingErrorResponses, 401: problemSchema },
        },
      },
      async (request) =>
        service.receiveWebhook(request.scope, {
          source: request.params.source,
          rawBody: request.rawBody ?? Buffer.alloc(0),
          body: request.body,
          signature: request.headers['x-parterre-signature'],
          instance: request.url.split('?')[0],
        }),
    );
  });
}
