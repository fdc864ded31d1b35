import { idParamsSchema, pageQuerySchema, pageSchema } from '@parterre/contract/common';
import {
  batchCreatePeopleInputSchema,
  batchResultSchema,
  createPersonInputSchema,
  createPersonQuerySchema,
  deletePersonQuerySchema,
  duplicateProblemSchema,
  personSchema,
  stalePersonProblemSchema,
  trashItemSchema,
  updatePersonInputSchema,
} from '@parterre/contract/contacts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { conditionalErrorResponses, errorResponses } from './contacts.http.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { ContactsServices } from './contacts.services.ts';
import { sendVCard, wantsVCard } from './vcard.routes.ts';

const tags = ['contacts'];

export function registerPeopleRoutes(server: FastifyInstance, services: ContactsServices): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { people, peopleTrash, peopleBatch } = services;

  // Static segment: find-my-way matches it before the `/:id` route.
  app.get(
    '/api/v1/contacts/trash',
    {
      config: { permission: CONTACTS_PERMISSIONS.delete },
      schema: {
        summary: 'Lister la corbeille des contacts (supprimés depuis moins de 30 jours)',
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(trashItemSchema), ...errorResponses },
      },
    },
    async (request) => peopleTrash.listTrash(request.scope, request.query),
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.read },
      schema: {
        summary: 'Consulter la fiche d’un contact (JSON, ou vCard 4.0 avec Accept: text/vcard)',
        tags,
        params: idParamsSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const person = await people.getPerson(request.scope, request.params.id);
      if (wantsVCard(request)) return sendVCard(reply, [person]);
      setETag(reply, person.version);
      return person;
    },
  );

  app.post(
    '/api/v1/contacts',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Créer un contact',
        description:
          'Normalise les coordonnées (e-mails, téléphones en E.164, codes postaux français). Avec `checkDuplicates=true`, répond 409 `contacts.probable_duplicate` et la liste `candidates` si un doublon probable existe, sauf avec `force=true`. Accepte `Idempotency-Key`.',
        tags,
        querystring: createPersonQuerySchema,
        body: createPersonInputSchema,
        response: { 201: personSchema, ...errorResponses, 409: duplicateProblemSchema },
      },
    },
    async (request, reply) => {
      const person = await people.createPerson(request.scope, request.body, request.query);
      setETag(reply, person.version);
      reply.header('location', `/api/v1/contacts/${person.id}`);
      return reply.status(201).send(person);
    },
  );

  app.post(
    '/api/v1/contacts::batch',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Créer jusqu’à 1 000 contacts en une requête',
        description:
          'Chaque élément est validé séparément : la réponse donne, dans l’ordre, `created` et l’identifiant, ou `error` et le problème.',
        tags,
        body: batchCreatePeopleInputSchema,
        response: { 200: batchResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      peopleBatch.createPeopleBatch(request.scope, request.body.items, request.url.split('?')[0]),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.write },
      schema: {
        summary: 'Modifier un contact (If-Match obligatoire)',
        description:
          'Les listes fournies (e-mails, téléphones, adresses, étiquettes) remplacent les listes enregistrées. Une version périmée est refusée (412) avec la fiche actuelle dans `current`.',
        tags,
        params: idParamsSchema,
        body: updatePersonInputSchema,
        response: { 200: personSchema, ...conditionalErrorResponses, 412: stalePersonProblemSchema },
      },
    },
    async (request, reply) => {
      const person = await people.updatePerson(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, person.version);
      return person;
    },
  );

  app.delete(
    '/api/v1/contacts/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.delete },
      schema: {
        summary: 'Mettre un contact à la corbeille (ou le supprimer définitivement avec permanent=true)',
        tags,
        params: idParamsSchema,
        querystring: deletePersonQuerySchema,
        response: { 204: z.null().describe('Aucun contenu'), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.query.permanent) await peopleTrash.purgePerson(request.scope, request.params.id);
      else await peopleTrash.deletePerson(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/contacts/:id/restore',
    {
      config: { permission: CONTACTS_PERMISSIONS.delete },
      schema: {
        summary: 'Restaurer un contact depuis la corbeille',
        tags,
        params: idParamsSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const person = await peopleTrash.restorePerson(request.scope, request.params.id);
      setETag(reply, person.version);
      return person;
    },
  );
}
