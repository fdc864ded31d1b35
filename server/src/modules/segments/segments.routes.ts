import { idParamsSchema, pageQuerySchema, pageSchema, problemSchema } from '@parterre/contract/common';
import { personListPageSchema } from '@parterre/contract/contact-lists';
import {
  countCriteriaInputSchema,
  countSchema,
  countWithSampleSchema,
  createdSchema,
  createSegmentInputSchema,
  criteriaFieldsSchema,
  listSchema,
  membersQuerySchema,
  overlapInputSchema,
  overlapSchema,
  segmentHistorySchema,
  segmentSchema,
  snapshotInputSchema,
  updateSegmentInputSchema,
} from '@parterre/contract/segments';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import type { ListsService } from './lists.service.ts';
import { SEGMENTS_PERMISSIONS } from './segments.permissions.ts';
import type { SegmentsService } from './segments.service.ts';

const tags = ['segments'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const read = { permission: SEGMENTS_PERMISSIONS.read };
const write = { permission: SEGMENTS_PERMISSIONS.write };

export function registerSegmentsRoutes(
  server: FastifyInstance,
  services: { segments: SegmentsService; lists: ListsService },
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { segments, lists } = services;

  app.get(
    '/api/v1/segments/fields',
    {
      config: read,
      schema: {
        summary: 'Décrire les critères utilisables dans un segment (registre du constructeur)',
        tags,
        response: { 200: criteriaFieldsSchema, ...errors },
      },
    },
    async (request) => segments.describeFields(request.scope),
  );

  app.post(
    '/api/v1/segments::count',
    {
      config: read,
      schema: {
        summary: 'Compter les personnes correspondant à des critères (segment non enregistré)',
        description:
          'Avec `sample`, renvoie aussi les premières personnes par nom (masquées comme la liste des contacts).',
        tags,
        body: countCriteriaInputSchema,
        response: { 200: countWithSampleSchema, ...errors },
      },
    },
    async (request) => segments.countCriteria(request.scope, request.body),
  );

  app.post(
    '/api/v1/segments::overlap',
    {
      config: read,
      schema: {
        summary: 'Recouper 2 ou 3 segments ou listes (effectif de chaque zone)',
        tags,
        body: overlapInputSchema,
        response: { 200: overlapSchema, ...errors },
      },
    },
    async (request) => segments.overlapOf(request.scope, request.body),
  );

  app.get(
    '/api/v1/segments',
    {
      config: read,
      schema: {
        summary: 'Lister les segments',
        tags,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(segmentSchema), ...errors },
      },
    },
    async (request) => segments.listAll(request.scope, request.query),
  );

  app.post(
    '/api/v1/segments',
    {
      config: write,
      schema: {
        summary: 'Enregistrer un segment',
        description:
          'Les critères sont vérifiés : une règle invalide répond 400 `segments.bad_criteria` en la nommant (`rules[1].rules[0]`).',
        tags,
        body: createSegmentInputSchema,
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) => {
      const segment = await segments.createSegment(request.scope, request.body);
      setETag(reply, segment.version);
      reply.header('location', `/api/v1/segments/${segment.id}`);
      return reply.status(201).send({ id: segment.id });
    },
  );

  app.get(
    '/api/v1/segments/:id',
    {
      config: read,
      schema: {
        summary: 'Lire un segment',
        tags,
        params: idParamsSchema,
        response: { 200: segmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const segment = await segments.getSegment(request.scope, request.params.id);
      setETag(reply, segment.version);
      return segment;
    },
  );

  app.patch(
    '/api/v1/segments/:id',
    {
      config: write,
      schema: {
        summary: 'Modifier un segment (If-Match obligatoire)',
        tags,
        params: idParamsSchema,
        body: updateSegmentInputSchema,
        response: {
          200: segmentSchema,
          ...errors,
          412: problemSchema.extend({ current: segmentSchema.optional() }),
          428: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const segment = await segments.changeSegment(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, segment.version);
      return segment;
    },
  );

  app.delete(
    '/api/v1/segments/:id',
    {
      config: write,
      schema: {
        summary: 'Supprimer un segment',
        tags,
        params: idParamsSchema,
        response: { 204: z.null(), ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await segments.removeSegment(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/segments/:id/count',
    {
      config: read,
      schema: {
        summary: 'Effectif d’un segment',
        tags,
        params: idParamsSchema,
        response: { 200: countSchema, ...errors },
      },
    },
    async (request) => segments.countSegment(request.scope, request.params.id),
  );

  app.get(
    '/api/v1/segments/:id/members',
    {
      config: read,
      schema: {
        summary: 'Personnes d’un segment, par nom (pagination par curseur ; exige aussi contacts.read)',
        tags,
        params: idParamsSchema,
        querystring: membersQuerySchema,
        response: { 200: personListPageSchema, ...errors },
      },
    },
    async (request) => segments.listMembers(request.scope, request.params.id, request.query),
  );

  app.get(
    '/api/v1/segments/:id/history',
    {
      config: read,
      schema: {
        summary: 'Évolution quotidienne de l’effectif d’un segment',
        tags,
        params: idParamsSchema,
        response: { 200: segmentHistorySchema, ...errors },
      },
    },
    async (request) => segments.sizeHistory(request.scope, request.params.id),
  );

  app.post(
    '/api/v1/segments/:id/snapshot',
    {
      config: write,
      schema: {
        summary: 'Figer les personnes d’un segment dans une nouvelle liste',
        tags,
        params: idParamsSchema,
        body: snapshotInputSchema,
        response: { 201: listSchema, ...errors },
      },
    },
    async (request, reply) => {
      const list = await lists.snapshotSegment(request.scope, request.params.id, request.body);
      setETag(reply, list.version);
      reply.header('location', `/api/v1/lists/${list.id}`);
      return reply.status(201).send(list);
    },
  );
}
