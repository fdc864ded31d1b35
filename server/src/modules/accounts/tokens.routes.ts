import {
  apiTokenSchema,
  createdTokenSchema,
  createTokenInputSchema,
  tokenListQuerySchema,
} from '@parterre/contract/accounts';
import { idParamsSchema, pageSchema } from '@parterre/contract/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import { noContent, problems, sendEmpty } from './route-schemas.ts';
import { createTokensService } from './tokens.service.ts';

const tags = ['tokens'];
const permission = ACCOUNT_PERMISSIONS.ownTokens;

export function registerTokenRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tokens = createTokensService(context);

  app.get(
    '/api/v1/tokens',
    {
      config: { permission },
      schema: {
        summary: "Lister les jetons d'API (les siens ; tous avec admin.tokens)",
        tags,
        querystring: tokenListQuerySchema,
        response: { 200: pageSchema(apiTokenSchema), ...problems },
      },
    },
    async (request) => tokens.listTokens(request.scope, request.query),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { permission },
      schema: {
        summary: "Créer un jeton d'API (le secret n'est montré qu'une fois)",
        tags,
        body: createTokenInputSchema,
        response: { 201: createdTokenSchema, ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await tokens.createToken(request.scope, request.body)),
  );

  app.post(
    '/api/v1/tokens/:id/revoke',
    {
      config: { permission },
      schema: {
        summary: "Révoquer un jeton d'API",
        tags,
        params: idParamsSchema,
        response: { 204: noContent, ...problems },
      },
    },
    async (request, reply) => {
      await tokens.revokeToken(request.scope, request.params.id);
      return sendEmpty(reply, 204);
    },
  );
}
