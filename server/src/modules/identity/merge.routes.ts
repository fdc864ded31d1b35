import { idParamsSchema } from '@parterre/contract/common';
import {
  mergeInputSchema,
  mergeResultSchema,
  mergeSummarySchema,
  unmergeInputSchema,
  unmergeResultSchema,
} from '@parterre/contract/identity';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../contacts/contacts.http.ts';
import { IDENTITY_PERMISSIONS } from './identity.permissions.ts';
import type { MergeService } from './merge.service.ts';

const tags = ['contacts'];

/** Merging two people, undoing a merge, and a person's merge history. */
export function registerMergeRoutes(server: FastifyInstance, merges: MergeService): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/contacts/merge',
    {
      config: { permission: IDENTITY_PERMISSIONS.merge },
      schema: {
        summary: 'Fusionner deux contacts',
        description:
          'La fiche `mergedId` rejoint `survivorId` : `fields` choisit, champ par champ, la valeur conservée (`survivor` ou `merged`) ; e-mails, téléphones, adresses et étiquettes sont réunis sans doublon ; commandes, billets, passages, notes, liens et historique passent au survivant. Annulable.',
        tags,
        body: mergeInputSchema,
        response: { 200: mergeResultSchema, ...errorResponses },
      },
    },
    async (request) => merges.mergePeople(request.scope, request.body),
  );

  app.post(
    '/api/v1/contacts/:id/unmerge',
    {
      config: { permission: IDENTITY_PERMISSIONS.merge },
      schema: {
        summary: 'Annuler une fusion de contacts',
        description:
          '`id` désigne la fiche fusionnée, ou le survivant avec `mergeId`. Les deux fiches redeviennent exactement ce qu’elles étaient ; refusé (409) si l’une d’elles a changé depuis.',
        tags,
        params: idParamsSchema,
        body: unmergeInputSchema.nullish(),
        response: { 200: unmergeResultSchema, ...errorResponses },
      },
    },
    async (request) => merges.unmergePerson(request.scope, request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/v1/contacts/:id/merges',
    {
      config: { permission: IDENTITY_PERMISSIONS.merge },
      schema: {
        summary: 'Lister les fusions d’un contact (fiches absorbées, ou fusion qui l’a absorbé)',
        tags,
        params: idParamsSchema,
        response: { 200: z.array(mergeSummarySchema), ...errorResponses },
      },
    },
    async (request) => merges.listMerges(request.scope, request.params.id),
  );
}
