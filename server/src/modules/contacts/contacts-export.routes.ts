import { problemSchema } from '@parterre/contract/common';
import { exportInputSchema, jobAcceptedSchema } from '@parterre/contract/contact-lists';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { createContactExportService } from './contacts-export.service.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function registerContactExportRoutes(server: FastifyInstance, context: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const service = createContactExportService(context);

  app.post(
    '/api/v1/contacts::export',
    {
      config: { permission: LIST_PERMISSIONS.export },
      schema: {
        summary: 'Exporter des personnes en CSV ou XLSX (tâche de fond)',
        description: 'Suivre /api/v1/jobs/{jobId}, puis télécharger /api/v1/exports/{jobId}/download.',
        tags: ['contacts'],
        body: exportInputSchema,
        response: { 202: jobAcceptedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await service.requestExport(request.scope, request.body)),
  );

  app.get(
    '/api/v1/exports/:jobId/download',
    {
      config: { permission: LIST_PERMISSIONS.export },
      schema: {
        summary: 'Télécharger le fichier d’un export terminé',
        tags: ['contacts'],
        params: z.object({ jobId: z.uuid() }),
        response: {
          200: z.unknown().describe('Fichier CSV (UTF-8 avec BOM) ou XLSX'),
          409: problemSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await service.openDownload(request.scope, request.params.jobId);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '');
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
}
