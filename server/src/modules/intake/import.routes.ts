import { Readable } from 'node:stream';
import {
  importDedupeSchema,
  importDetailSchema,
  importPresetItemSchema,
  importPreviewSchema,
  importRunSchema,
  savePresetInputSchema,
} from '@parterre/contract/intake';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { attachment, errorResponses } from '../contacts/contacts.http.ts';
import type { ImportService } from './import.service.ts';
import { INTAKE_PERMISSIONS } from './intake.permissions.ts';

const tags = ['intake'];
/** The preview reads only the first rows: a larger upload is cut here. */
const PREVIEW_MAX_BYTES = 20 * 1024 * 1024;
const config = { permission: INTAKE_PERMISSIONS.import };
const idParams = z.object({ id: z.uuid() });
const optionsSchema = z.object({
  preset: z.string().min(1).optional(),
  mapping: z.string().min(1).optional(),
  dedupe: importDedupeSchema.default('review'),
  dryRun: z.enum(['true', 'false']).default('false'),
});

/** Reads the multipart form: the file is streamed to disk as it arrives, fields are kept. */
async function receiveImportForm(request: FastifyRequest, imports: ImportService) {
  if (!request.isMultipart()) throw new AppError('common.unsupported_media_type');
  const fields: Record<string, string> = {};
  let upload: Awaited<ReturnType<ImportService['receiveFile']>> | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || upload) {
        part.file.resume();
        continue;
      }
      upload = await imports.receiveFile(request.scope, { fileName: part.filename, stream: part.file });
      if (part.file.truncated) {
        await imports.discardFile(upload);
        throw new AppError('common.payload_too_large');
      }
    } else fields[part.fieldname] = String(part.value);
  }
  if (!upload) throw new AppError('intake.missing_file');
  const parsed = optionsSchema.safeParse(fields);
  if (!parsed.success) {
    await imports.discardFile(upload);
    throw new AppError('common.validation', {
      fieldErrors: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    });
  }
  return { upload, options: parsed.data };
}

export function registerImportRoutes(server: FastifyInstance, imports: ImportService): void {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/imports/preview',
    {
      config,
      schema: {
        summary: 'Aperçu d’un fichier à importer : format détecté, en-têtes, 20 premières lignes',
        description:
          'Fichier en `multipart/form-data` (champ `file`), CSV (tout encodage, tout séparateur) ou XLSX.',
        tags,
        response: { 200: importPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const file = await request.file({ limits: { fileSize: PREVIEW_MAX_BYTES } });
      if (!file) throw new AppError('intake.missing_file');
      // Only the head is read: a truncated buffer previews as well as the whole file.
      const chunks: Buffer[] = [];
      for await (const chunk of file.file) chunks.push(chunk as Buffer);
      return imports.previewFile(request.scope, { fileName: file.filename, buffer: Buffer.concat(chunks) });
    },
  );

  app.post(
    '/api/v1/imports',
    {
      config,
      schema: {
        summary: 'Importer un fichier de billetterie (tâche de fond)',
        description:
          'Champs `file`, `preset` (nom d’un modèle) ou `mapping` (JSON d’une IntakeMapping), `dedupe` (off | review | merge ; review par défaut), `dryRun` (true | false). Répond 202 avec la tâche à suivre sur `GET /api/v1/jobs/{id}`.',
        tags,
        response: { 202: z.object({ jobId: z.uuid(), importId: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { upload, options } = await receiveImportForm(request, imports);
      const started = await imports.startImport(request.scope, {
        upload,
        preset: options.preset,
        mapping: options.mapping,
        dedupe: options.dedupe,
        dryRun: options.dryRun === 'true',
      });
      return reply.code(202).send(started);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config,
      schema: {
        summary: 'Derniers imports (100)',
        tags,
        response: { 200: z.object({ items: z.array(importRunSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await imports.listRecentImports(request.scope) }),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config,
      schema: {
        summary: 'État d’un import : statut, compteurs, 100 premières lignes rejetées',
        tags,
        params: idParams,
        response: { 200: importDetailSchema, ...errorResponses },
      },
    },
    async (request) => imports.getImport(request.scope, request.params.id),
  );

  app.get(
    '/api/v1/imports/:id/rejections.csv',
    {
      config,
      schema: {
        summary: 'Lignes rejetées d’un import, avec numéro de ligne et motif (CSV « ; », UTF-8)',
        tags,
        params: idParams,
      },
    },
    async (request, reply) => {
      const lines = imports.rejectionsCsv(request.scope, request.params.id);
      // The first page is read before answering, so that a 404 stays a problem, not a broken stream.
      const first = await lines.next();
      attachment(reply, `rejets-${request.params.id}.csv`);
      reply.type('text/csv; charset=utf-8');
      return reply.send(
        Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* lines;
          })(),
        ),
      );
    },
  );

  app.get(
    '/api/v1/intake/presets',
    {
      config,
      schema: {
        summary: 'Modèles d’import : livrés et enregistrés',
        tags,
        response: { 200: z.object({ items: z.array(importPresetItemSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await imports.listAllPresets(request.scope) }),
  );

  app.post(
    '/api/v1/intake/presets',
    {
      config,
      schema: {
        summary: 'Enregistrer un modèle d’import pour l’établissement',
        tags,
        body: savePresetInputSchema,
        response: { 201: importPresetItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await imports.savePreset(request.scope, request.body)),
  );

  app.delete(
    '/api/v1/intake/presets/:id',
    {
      config,
      schema: {
        summary: 'Supprimer un modèle d’import enregistré par l’établissement',
        tags,
        params: idParams,
        response: { 204: z.null().describe('Aucun contenu'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await imports.deletePreset(request.scope, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
