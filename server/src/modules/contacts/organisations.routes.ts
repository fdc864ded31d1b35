import { idParamsSchema, pageQuerySchema, pageSchema } from '@parterre/contract/common';
import { deletePersonQuerySchema, trashItemSchema } from '@parterre/contract/contacts';
import {
  createOrganisationInputSchema,
  listOrganisationsQuerySchema,
  organisationSchema,
  organisationSummarySchema,
  staleOrganisationProblemSchema,
  updateOrganisationInputSchema,
} from '@parterre/contract/organisations';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { conditionalErrorResponses, errorResponses } from './contacts.http.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { OrganisationsService } from './organisations.service.ts';

const tags = ['organisations'];

export function registerOrganisationsRoutes(
  server: FastifyInstance,
  organisations: OrganisationsService,
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/organisations',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Lister les structures (par nom)',
        tags,
        querystring: listOrganisationsQuerySchema,
        response: { 200: pageSchema(organisationSummarySchema), ...errorResponses },
      },
    },
    async (request) => organisations.listOrganisations(request.scope, request.query),
  );

  app.get(
    '/api/v1/organisations/trash',
    {
      config: { permission: CONTACTS_PERMISSIONS.delete },
      schema: {
        summary: 'Lister la corbeille des structures (supprimées depuis moins de 30 jours)',
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(trashItemSchema), ...errorResponses },
      },
    },
    async (request) => organisations.listTrash(request.scope, request.query),
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Consulter la fiche d’une structure (membres, maison mère, filiales)',
        tags,
        params: idParamsSchema,
        response: { 200: organisationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const organisation = await organisations.getOrganisation(request.scope, request.params.id);
      setETag(reply, organisation.version);
      return organisation;
    },
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Créer une structure',
        tags,
        body: createOrganisationInputSchema,
        response: { 201: organisationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const organisation = await organisations.createOrganisation(request.scope, request.body);
      setETag(reply, organisation.version);
      reply.header('location', `/api/v1/organisations/${organisation.id}`);
      return reply.status(201).send(organisation);
    },
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Modifier une structure (If-Match obligatoire)',
        tags,
        params: idParamsSchema,
        body: updateOrganisationInputSchema,
        response: {
          200: organisationSchema,
          ...conditionalErrorResponses,
          412: staleOrganisationProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const organisation = await organisations.updateOrganisation(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, organisation.version);
      return organisation;
    },
  );

  app.delete(
    '/api/v1/organisations/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.delete },
      schema: {
        summary: 'Mettre une structure à la corbeille (ou la supprimer définitivement avec permanent=true)',
        tags,
        params: idParamsSchema,
        querystring: deletePersonQuerySchema,
        response: { 204: z.null().describe('Aucun contenu'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await organisations.deleteOrganisation(request.scope, request.params.id, request.query);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/organisations/:id/restore',
    {
      config: { permission: CONTACTS_PERMISSIONS.delete },
      schema: {
        summary: 'Restaurer une structure depuis la corbeille',
        tags,
        params: idParamsSchema,
        response: { 200: organisationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const organisation = await organisations.restoreOrganisation(request.scope, request.params.id);
      setETag(reply, organisation.version);
      return organisation;
    },
  );
}
