import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportInput, ExportResult } from '@parterre/contract/contact-lists';
import type { AppContext } from '../../platform/context.ts';
import { AppError, defineErrors } from '../../platform/errors.ts';
import { createJobRunsService } from '../../platform/job-runs.service.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { contactsExportJob, type ExportPayload, exportFilePath } from './contacts-export.jobs.ts';
import { canReadSensitive, LIST_PERMISSIONS } from './contacts-list.access.ts';
import { compileSelection } from './contacts-list.service.ts';

defineErrors({
  'exports.not_found': { status: 404, fr: 'Export introuvable.', en: 'Export not found.' },
  'exports.not_ready': {
    status: 409,
    fr: "L'export n'est pas encore prêt (état : {status}).",
    en: 'The export is not ready yet (status: {status}).',
  },
  'exports.unknown_column': {
    status: 400,
    fr: 'Colonne inconnue : « {column} ».',
    en: 'Unknown column: "{column}".',
  },
});

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createContactExportService(context: AppContext) {
  const db = context.database.db;
  const jobRuns = createJobRunsService(context);
  const directory = path.join(context.config.dataDir, 'exports');

  /** Checks the request (columns, filter, sensitive fields), then queues the export job. */
  async function requestExport(scope: RequestScope, input: ExportInput): Promise<{ jobId: string }> {
    authorize(scope, LIST_PERMISSIONS.export);
    const sensitiveVisible = canReadSensitive(scope);
    const { context: compiled } = await compileSelection(db, {
      tenantId: scope.tenantId,
      canReadSensitive: sensitiveVisible,
      selection: { ids: input.ids, filter: input.filter },
    });
    for (const column of input.columns) {
      if (!column.startsWith('customFields.')) continue;
      const definition = compiled.definitions.get(column.slice('customFields.'.length));
      if (!definition) throw new AppError('exports.unknown_column', { details: { column } });
      if (definition.sensitive && !sensitiveVisible) {
        throw new AppError('common.forbidden', { details: { permission: LIST_PERMISSIONS.readSensitive } });
      }
    }
    const { actorId, actorName } = actorOf(scope);
    const payload: ExportPayload = {
      format: input.format,
      delimiter: input.delimiter,
      columns: input.columns,
      ids: input.ids,
      filter: input.filter,
      canReadSensitive: sensitiveVisible,
      directory,
      actor: { id: actorId, name: actorName },
    };
    return { jobId: await context.jobs.enqueue(scope, contactsExportJob, payload) };
  }

  /** The finished file, for its creator or a holder of `admin.jobs` (others get 404). */
  async function openDownload(scope: RequestScope, jobId: string) {
    authorize(scope, LIST_PERMISSIONS.export);
    const job = await jobRuns.getJob(scope, jobId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'jobs.not_found')
        throw new AppError('exports.not_found');
      throw error;
    });
    if (job.type !== contactsExportJob.type) throw new AppError('exports.not_found');
    if (job.status !== 'succeeded')
      throw new AppError('exports.not_ready', { details: { status: job.status } });
    const result = job.result as ExportResult;
    const format = result.fileName.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const file = exportFilePath(directory, job.id, format);
    const size = await stat(file).then(
      (s) => s.size,
      () => {
        throw new AppError('exports.not_found');
      },
    );
    return {
      stream: createReadStream(file),
      size,
      fileName: result.fileName,
      contentType: CONTENT_TYPES[format],
    };
  }

  return { requestExport, openDownload };
}
