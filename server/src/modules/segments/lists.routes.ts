import { idParamsSchema, pageQuerySchema, pageSchema, problemSchema } from '@parterre/contract/common';
import { personListPageSchema } from '@parterre/contract/contact-lists';
import {
  createListInputSchema,
  listMembersInputSchema,
  listMembersResultSchema,
  listSchema,
  membersQuerySchema,
  updateListInputSchema,
} from '@parterre/contract/segments';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import type { ListsService } from './lists.service.ts';
import { SEGMENTS_PERMISSIONS } from './segments.permissions.ts';

const tags = ['segments'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const read = { permission: SEGMENTS_PERMISSIONS.read };
const write = { permission: SEGMENTS_PERMISSIONS.write };

export function registerListsRoutes(server: FastifyInstance, lists: ListsService): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/lists',
    {
      config: read,
      schema: {
        summary: 'Lister les listes',
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(listSchema), ...errors },
      },
    },
    async (request) => lists.listAll(request.scope, request.query),
  );

  app.post(
    '/api/v1/lists',
    {
      config: write,
      schema: {
        summary: 'Créer une liste (vide)',
        tags,
        body: createListInputSchema,
        response: { 201: listSchema, ...errors },
      },
    },
    async (request, reply) => {
      const list = await lists.createList(request.scope, request.body);
      setETag(reply, list.version);
      reply.header('location', `/api/v1/lists/${list.id}`);
      return reply.status(201).send(list);
    },
  );

  app.get(
    '/api/v1/lists/:id',
    {
      config: read,
      schema: {
        summary: 'Lire une liste',
        tags,
        params: idParamsSchema,
        response: { 200: listSchema, ...errors },
      },
    },
    async (request, reply) => {
      const list = await lists.getList(request.scope, request.params.id);
      setETag(reply, list.version);
      return list;
    },
  );

  app.patch(
    '/api/v1/lists/:id',
    {
      config: write,
      schema: {
        summary: 'Renommer ou décrire une liste (If-Match obligatoire)',
        tags,
        params: idParamsSchema,
        body: updateListInputSchema,
        response: {
          200: listSchema,
          ...errors,
          412: problemSchema.extend({ current: listSchema.optional() }),
          428: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const list = await lists.changeList(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, list.version);
      return list;
    },
  );

  app.delete(
    '/api/v1/lists/:id',
    {
      config: write,
      schema: {
        summary: 'Supprimer une liste',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await lists.removeList(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/lists/:id/members',
    {
      config: read,
      schema: {
        summary: 'Personnes d’une liste, par nom (pagination par curseur ; exige aussi contacts.read)',
        tags,
        params: idParamsSchema,
        querystring: membersQuerySchema,
        response: { 200: personListPageSchema, ...errors },
      },
    },
    async (request) => lists.listMembers(request.scope, request.params.id, request.query),
  );

  app.post(
    '/api/v1/lists/:id/members',
    {
      config: write,
      schema: {
        summary: 'Ajouter ou retirer des personnes d’une liste',
        tags,
        params: idParamsSchema,
        body: listMembersInputSchema,
        response: { 200: listMembersResultSchema, ...errors },
      },
    },
    async (request) => lists.changeMembers(request.scope, request.params.id, request.body),
  );
}
