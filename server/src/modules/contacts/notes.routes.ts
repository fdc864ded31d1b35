import { idParamsSchema, pageSchema, problemSchema } from '@parterre/contract/common';
import {
  createNoteInputSchema,
  listNotesQuerySchema,
  noteSchema,
  updateNoteInputSchema,
} from '@parterre/contract/notes';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, setETag } from '../../platform/versioning.ts';
import { conditionalErrorResponses, errorResponses } from './contacts.http.ts';
import { CONTACTS_PERMISSIONS } from './contacts.permissions.ts';
import type { NotesService } from './notes.service.ts';

const tags = ['notes'];

export function registerNotesRoutes(server: FastifyInstance, notes: NotesService): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  for (const [segment, owner, label] of [
    ['contacts', 'personId', 'd’un contact'],
    ['organisations', 'organisationId', 'd’une structure'],
  ] as const) {
    const ownerOf = (id: string) => (owner === 'personId' ? { personId: id } : { organisationId: id });

    app.get(
      `/api/v1/${segment}/:id/notes`,
      {
        config: { permission: CONTACTS_PERMISSIONS.read },
        schema: {
          summary: `Lister les notes ${label} (celles que l’on peut voir)`,
          tags,
          params: idParamsSchema,
          querystring: listNotesQuerySchema,
          response: { 200: pageSchema(noteSchema), ...errorResponses },
        },
      },
      async (request) => notes.listNotes(request.scope, ownerOf(request.params.id), request.query),
    );

    app.post(
      `/api/v1/${segment}/:id/notes`,
      {
        config: { permission: CONTACTS_PERMISSIONS.writeNotes },
        schema: {
          summary: `Ajouter une note à la fiche ${label}`,
          description:
            'Visibilité `department` (par défaut, le premier département de l’auteur) ou `all` (toute personne qui consulte la fiche).',
          tags,
          params: idParamsSchema,
          body: createNoteInputSchema,
          response: { 201: noteSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const note = await notes.addNote(request.scope, ownerOf(request.params.id), request.body);
        setETag(reply, note.version);
        return reply.status(201).send(note);
      },
    );
  }

  app.patch(
    '/api/v1/notes/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.writeNotes },
      schema: {
        summary: 'Modifier une note (auteur ou responsable ; If-Match obligatoire)',
        tags,
        params: idParamsSchema,
        body: updateNoteInputSchema,
        response: {
          200: noteSchema,
          ...conditionalErrorResponses,
          412: problemSchema.extend({ current: noteSchema.optional() }),
        },
      },
    },
    async (request, reply) => {
      const note = await notes.updateNote(
        request.scope,
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, note.version);
      return note;
    },
  );

  app.delete(
    '/api/v1/notes/:id',
    {
      config: { permission: CONTACTS_PERMISSIONS.writeNotes },
      schema: {
        summary: 'Supprimer une note (auteur ou responsable)',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Aucun contenu'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await notes.deleteNote(request.scope, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
