import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { contactFilterSchema, type ExportResult } from '@parterre/contract/contact-lists';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { recordAccess } from '../../platform/audit.ts';
import { defineJob } from '../../platform/jobs.ts';
import { formatPhoneNational } from './contact-normalisation.ts';
import { jobActorScope } from './contacts-list.access.ts';
import type { CustomFieldDefinition } from './contacts-list.compiler.ts';
import { countPeople, listPeoplePage, type PersonListRow } from './contacts-list.repository.ts';
import { compileSelection, maskCustomFields } from './contacts-list.service.ts';
import { compileSort } from './contacts-list.sort.ts';

const CHUNK_SIZE = 1000;

/** French column headers of the standard fields; custom fields use their definition's label. */
export const EXPORT_HEADERS: Record<string, string> = {
  id: 'Identifiant',
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  usageName: "Nom d'usage",
  email: 'E-mail',
  phone: 'Téléphone',
  line1: 'Adresse',
  line2: "Complément d'adresse",
  postalCode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
  departementCode: 'Département',
  tags: 'Étiquettes',
  source: 'Source',
  language: 'Langue',
  departmentId: 'Service',
  createdAt: 'Créé le',
  updatedAt: 'Modifié le',
};

export const exportPayloadSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  delimiter: z.enum([',', ';']),
  columns: z.array(z.string()).min(1),
  ids: z.array(z.uuid()).optional(),
  filter: contactFilterSchema.optional(),
  canReadSensitive: z.boolean(),
  /** `<dataDir>/exports`, fixed when the export was asked for. */
  directory: z.string(),
  actor: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
});
export type ExportPayload = z.infer<typeof exportPayloadSchema>;

/** Spreadsheets run cells starting with these as formulas: a leading quote keeps them text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string, delimiter: string): string {
  const safe = neutraliseFormula(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function cellOf(row: PersonListRow, column: string, customFields: Record<string, unknown>): string {
  if (column.startsWith('customFields.')) return display(customFields[column.slice('customFields.'.length)]);
  switch (column) {
    case 'email':
      return display(row.primaryEmail);
    case 'phone':
      return row.primaryPhone ? formatPhoneNational(row.primaryPhone) : '';
    default:
      return display((row as unknown as Record<string, unknown>)[column]);
  }
}

export function exportHeaders(columns: string[], definitions: Map<string, CustomFieldDefinition>): string[] {
  return columns.map((column) =>
    column.startsWith('customFields.')
      ? (definitions.get(column.slice('customFields.'.length))?.label ?? column)
      : (EXPORT_HEADERS[column] ?? column),
  );
}

type RowSink = { write(cells: string[]): Promise<void>; close(): Promise<void> };

async function csvSink(file: string, delimiter: string): Promise<RowSink> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  // The BOM tells spreadsheet software that the file is UTF-8.
  await write('\uFEFF');
  return {
    write: (cells) => write(`${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`),
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      }),
  };
}

/** Cells are written as typed strings, which spreadsheet software never evaluates as formulas. */
function xlsxSink(file: string): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false });
  const sheet = workbook.addWorksheet('Contacts');
  return {
    write: async (cells) => sheet.addRow(cells).commit(),
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function exportFilePath(directory: string, jobId: string, format: 'csv' | 'xlsx'): string {
  return path.join(directory, `${jobId}.${format}`);
}

/**
 * Streams the selected people, 1,000 at a time in name order, into `<dataDir>/exports/<jobId>.<ext>`.
 * The file is written under a temporary name and renamed when complete, so a retry starts afresh.
 */
export const contactsExportJob = defineJob({
  type: 'contacts.export',
  version: 1,
  payload: exportPayloadSchema,
  expireInSeconds: 4 * 3600,
  async run(job, payload): Promise<ExportResult> {
    const db = job.database.db;
    const tenantId = job.scope.tenantId;
    const { where, context } = await compileSelection(db, {
      tenantId,
      canReadSensitive: payload.canReadSensitive,
      selection: { ids: payload.ids, filter: payload.filter },
    });
    const sort = compileSort('lastName', context);
    await mkdir(payload.directory, { recursive: true });
    const target = exportFilePath(payload.directory, job.jobId, payload.format);
    const partial = `${target}.part`;
    await rm(partial, { force: true });
    const sink = payload.format === 'csv' ? await csvSink(partial, payload.delimiter) : xlsxSink(partial);
    await sink.write(exportHeaders(payload.columns, context.definitions));
    await job.reportProgress(0, await countPeople(db, { tenantId, where }));
    let rows = 0;
    let after: unknown[] | undefined;
    for (;;) {
      await job.throwIfCancelled();
      const page = await listPeoplePage(db, { tenantId, where, sort, after, limit: CHUNK_SIZE });
      for (const row of page) {
        const customFields = maskCustomFields(
          row.customFields,
          context.definitions,
          payload.canReadSensitive,
        );
        await sink.write(payload.columns.map((column) => cellOf(row, column, customFields)));
      }
      rows += page.length;
      await job.reportProgress(rows);
      if (page.length < CHUNK_SIZE) break;
      after = page[page.length - 1].key;
    }
    await sink.close();
    await rename(partial, target);
    await job.reportProgress(rows, rows);
    await recordAccess(db, jobActorScope(tenantId, payload.actor, job.scope), {
      action: 'export',
      entityType: 'person',
      detail: {
        jobId: job.jobId,
        format: payload.format,
        columns: payload.columns,
        filter: payload.filter ?? null,
        ids: payload.ids?.length ?? null,
        rows,
      },
    });
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return { fileName: `contacts-${stamp}.${payload.format}`, rows };
  },
});
