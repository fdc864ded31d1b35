import {
  createUserInputSchema,
  updateUserInputSchema,
  userListQuerySchema,
  userSchema,
} from '@parterre/contract/accounts';
import { idParamsSchema, pageSchema } from '@parterre/contract/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import { problems, updateProblems } from './route-schemas.ts';
import { createUsersService } from './users.service.ts';

const tags = ['users'];
const permission = ACCOUNT_PERMISSIONS.users;

export function registerUserRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const users = createUsersService(context);

  app.get(
    '/api/v1/users',
    {
      config: { permission },
      schema: {
        summary: 'Lister les utilisateurs (recherche par nom ou email)',
        tags,
        querystring: userListQuerySchema,
        response: { 200: pageSchema(userSchema), ...problems },
      },
    },
    async (request) => users.listUsers(request.scope, request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission },
      schema: {
        summary: 'Créer un utilisateur (invitation par email sans mot de passe)',
        description: 'Accepte `Idempotency-Key`.',
        tags,
        body: createUserInputSchema,
        response: { 201: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const user = await users.createUser(request.scope, request.body);
      setETag(reply, user.version);
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { permission },
      schema: {
        summary: 'Lire un utilisateur',
        tags,
        params: idParamsSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const user = await users.getUser(request.scope, request.params.id);
      setETag(reply, user.version);
      return user;
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission },
      schema: {
        summary: 'Modifier un utilisateur (nom, statut, rôles, services, langue)',
        tags,
        params: idParamsSchema,
        body: updateUserInputSchema,
        response: { 200: userSchema, ...updateProblems },
      },
    },
    async (request, reply) => {
      const user = await users.updateUser(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, user.version);
      return user;
    },
  );
}
