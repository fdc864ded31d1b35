import {
  createRoleInputSchema,
  permissionListSchema,
  roleSchema,
  updateRoleInputSchema,
} from '@parterre/contract/accounts';
import { idParamsSchema, pageQuerySchema, pageSchema } from '@parterre/contract/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import { createRolesService } from './roles.service.ts';
import { noContent, problems, sendEmpty, updateProblems } from './route-schemas.ts';

const tags = ['roles'];
const permission = ACCOUNT_PERMISSIONS.roles;

export function registerRoleRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const roles = createRolesService(context);

  app.get(
    '/api/v1/roles',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'Lister les rôles',
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(roleSchema), ...problems },
      },
    },
    async (request) => roles.listRoles(request.scope, request.query),
  );

  app.get(
    '/api/v1/permissions',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'Catalogue des permissions (pour composer un rôle ou un jeton)',
        tags,
        response: { 200: permissionListSchema, ...problems },
      },
    },
    async (request) => roles.listPermissions(request.scope),
  );

  app.post(
    '/api/v1/roles',
    {
      config: { permission },
      schema: {
        summary: 'Créer un rôle personnalisé',
        tags,
        body: createRoleInputSchema,
        response: { 201: roleSchema, ...problems },
      },
    },
    async (request, reply) => {
      const role = await roles.createRole(request.scope, request.body);
      setETag(reply, role.version);
      return reply.status(201).send(role);
    },
  );

  app.patch(
    '/api/v1/roles/:id',
    {
      config: { permission },
      schema: {
        summary: 'Modifier un rôle personnalisé',
        tags,
        params: idParamsSchema,
        body: updateRoleInputSchema,
        response: { 200: roleSchema, ...updateProblems },
      },
    },
    async (request, reply) => {
      const role = await roles.updateRole(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, role.version);
      return role;
    },
  );

  app.delete(
    '/api/v1/roles/:id',
    {
      config: { permission },
      schema: {
        summary: "Supprimer un rôle personnalisé (s'il n'est plus attribué)",
        tags,
        params: idParamsSchema,
        response: { 204: noContent, ...problems },
      },
    },
    async (request, reply) => {
      await roles.deleteRole(request.scope, request.params.id);
      return sendEmpty(reply, 204);
    },
  );
}
