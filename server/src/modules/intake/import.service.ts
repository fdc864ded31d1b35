import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type IntakeMapping, intakeMappingSchema } from '@parterre/contract/intake';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { detectFormat, previewRows } from './file-reader.ts';
import { importJob } from './import.jobs.ts';
import {
  deleteSavedPreset,
  deleteSavedPresetsNamed,
  findImport,
  findJobStatus,
  findSavedPreset,
  type ImportRow,
  insertImport,
  insertSavedPreset,
  listImports,
  listRejections,
  listSavedPresets,
  setImportJob,
} from './import.repository.ts';
import { INTAKE_PERMISSIONS } from './intake.permissions.ts';
import { compileMapping } from './mapping.ts';
import { findPreset, listPresets, presetHeaders } from './presets.ts';

export type ImportRequest = {
  /** From `receiveFile`. */
  upload: { importId: string; storedPath: string; fileName: string };
  preset?: string;
  /** JSON text of an `IntakeMapping`. */
  mapping?: string;
  dedupe?: 'off' | 'review' | 'merge';
  dryRun?: boolean;
};

/** Bytes read from the head of a file to estimate how many rows it holds. */
const ESTIMATE_HEAD_BYTES = 64 * 1024;

const CSV_FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, and defused when a spreadsheet would run it as a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && CSV_FORMULA.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function parseMappingText(text: string): IntakeMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('intake.bad_mapping', {
      fieldErrors: [{ path: 'mapping', message: 'JSON invalide' }],
    });
  }
  const parsed = intakeMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('intake.bad_mapping', {
      fieldErrors: parsed.error.issues.map((i) => ({
        path: ['mapping', ...i.path].join('.'),
        message: i.message,
      })),
    });
  }
  return parsed.data;
}

/** File imports: upload, check the mapping against the headers, run as the `intake.import` job. */
export function createImportService(context: Pick<AppContext, 'database' | 'jobs' | 'config'>) {
  const db = context.database.db;
  const directory = path.join(context.config.dataDir, 'imports');

  async function resolveMapping(scope: RequestScope, request: Pick<ImportRequest, 'preset' | 'mapping'>) {
    if (request.mapping) return { mapping: parseMappingText(request.mapping), preset: null };
    if (!request.preset) throw new AppError('intake.missing_mapping');
    const shipped = findPreset(request.preset);
    if (shipped) return { mapping: shipped as IntakeMapping, preset: request.preset };
    const saved = await findSavedPreset(db, scope.tenantId, request.preset);
    if (!saved) throw new AppError('intake.unknown_preset', { details: { name: request.preset } });
    return { mapping: saved.mapping as IntakeMapping, preset: request.preset };
  }

  /**
   * Streams the upload to `<dataDir>/imports/<importId>` (never held in memory), checks the mapping
   * against its headers (400 naming each faulty column), records the import and queues its job.
   */
  async function receiveFile(scope: RequestScope, file: { fileName: string; stream: Readable }) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const importId = newId();
    await mkdir(directory, { recursive: true });
    const storedPath = path.join(directory, importId);
    await pipeline(file.stream, createWriteStream(storedPath));
    return { importId, storedPath, fileName: file.fileName };
  }

  /** Discards an upload whose request turned out invalid. */
  async function discardFile(upload: { storedPath: string }) {
    await rm(upload.storedPath, { force: true });
  }

  async function startImport(scope: RequestScope, request: ImportRequest) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const { importId, storedPath } = request.upload;
    try {
      const { mapping, preset } = await resolveMapping(scope, request);
      const { headers } = await previewRows({ path: storedPath }, 0, {
        encoding: mapping.encoding,
        delimiter: mapping.delimiter,
        fileName: request.upload.fileName,
      });
      compileMapping(mapping, headers);
      await insertImport(db, {
        id: importId,
        tenantId: scope.tenantId,
        jobId: null,
        fileName: request.upload.fileName,
        storedPath,
        source: mapping.source,
        preset,
        mapping,
        dedupe: request.dedupe ?? 'review',
        dryRun: request.dryRun ?? false,
        createdBy: actorOf(scope).actorId,
      });
    } catch (error) {
      await rm(storedPath, { force: true });
      throw error;
    }
    const jobId = await context.jobs.enqueue(scope, importJob, { importId });
    await setImportJob(db, scope.tenantId, importId, jobId);
    return { importId, jobId };
  }

  /** Format, headers and first rows of a file, with the shipped preset whose headers it carries. */
  async function previewFile(scope: RequestScope, file: { fileName: string; buffer: Buffer }) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const preview = await previewRows({ buffer: file.buffer }, 20, { fileName: file.fileName });
    const found = new Set(preview.headers);
    const suggested = Object.entries(presetHeaders).find(([, names]) =>
      names.every((n) => found.has(n)),
    )?.[0];
    const kind = detectFormat(file.buffer.subarray(0, 4), file.fileName).kind;
    return {
      format: { kind, encoding: preview.format.encoding, delimiter: preview.format.delimiter },
      headers: preview.headers,
      rows: preview.rows,
      ...(suggested ? { suggestedPreset: suggested } : {}),
    };
  }

  /**
   * Data rows of a CSV, extrapolated from those in its first 64 KiB (exact for a smaller file);
   * null for XLSX or an unreadable head. Kept per import: the file does not change while it runs.
   */
  const estimates = new Map<string, number | null>();
  async function estimateRows(run: ImportRow): Promise<number | null> {
    if (estimates.has(run.id)) return estimates.get(run.id) ?? null;
    const mapping = run.mapping as IntakeMapping;
    const estimate = await (async () => {
      const file = await open(run.storedPath, 'r');
      try {
        const { size } = await file.stat();
        const head = Buffer.alloc(Math.min(size, ESTIMATE_HEAD_BYTES));
        await file.read(head, 0, head.length, 0);
        if (detectFormat(head.subarray(0, 4), run.fileName).kind !== 'csv') return null;
        // A cut record would be misread: keep whole lines only.
        const whole = size > head.length ? head.subarray(0, head.lastIndexOf(0x0a) + 1) : head;
        const { rows } = await previewRows({ buffer: whole }, Number.MAX_SAFE_INTEGER, {
          encoding: mapping.encoding,
          delimiter: mapping.delimiter,
          fileName: run.fileName,
        });
        if (size === head.length) return rows.length;
        return rows.length > 0 ? Math.round((rows.length * size) / whole.length) : null;
      } finally {
        await file.close();
      }
    })().catch(() => null);
    if (estimates.size >= 100) estimates.delete(estimates.keys().next().value as string);
    estimates.set(run.id, estimate);
    return estimate;
  }

  async function present(scope: RequestScope, run: ImportRow, options: { estimate?: boolean } = {}) {
    const job = await findJobStatus(db, scope.tenantId, run.jobId);
    const status = (job?.status ?? run.status) as 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
    const active = status === 'queued' || status === 'running';
    const rows = run.counts.rows;
    const startedAt = job?.startedAt ?? null;
    const endedAt = job?.finishedAt ?? (run.finishedAt ? new Date(run.finishedAt) : null);
    const seconds = startedAt ? ((endedAt ?? new Date()).getTime() - startedAt.getTime()) / 1000 : 0;
    const rowsPerSecond = rows > 0 && seconds > 0 ? rows / seconds : null;
    let estimatedRows: number | null = status === 'succeeded' ? rows : null;
    if (active && options.estimate) {
      const estimate = await estimateRows(run);
      estimatedRows = estimate === null ? null : Math.max(estimate, rows);
    }
    const etaSeconds =
      active && rowsPerSecond && estimatedRows !== null ? (estimatedRows - rows) / rowsPerSecond : null;
    return {
      importId: run.id,
      jobId: run.jobId,
      fileName: run.fileName,
      source: run.source,
      preset: run.preset,
      dedupe: run.dedupe,
      dryRun: run.dryRun,
      status,
      error: job?.error ?? null,
      committedRows: run.committedRows,
      counts: run.counts,
      progress: { estimatedRows, rowsPerSecond, etaSeconds },
      createdBy: run.createdBy,
      createdAt: run.createdAt,
      startedAt: startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt,
    };
  }

  async function getImport(scope: RequestScope, importId: string) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const run = await findImport(db, scope.tenantId, importId);
    if (!run) throw new AppError('intake.import_not_found');
    const rejected = await listRejections(db, importId, { limit: 100 });
    return {
      ...(await present(scope, run, { estimate: true })),
      rejectedRows: rejected.map((r) => ({ row: r.rowNumber, reason: r.reason, data: r.data })),
    };
  }

  async function listRecentImports(scope: RequestScope) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const runs = await listImports(db, scope.tenantId, 100);
    return Promise.all(runs.map((run) => present(scope, run)));
  }

  /** Every rejected row as CSV lines (UTF-8 with BOM, `;`), read 1,000 at a time. */
  async function* rejectionsCsv(scope: RequestScope, importId: string): AsyncGenerator<string> {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const run = await findImport(db, scope.tenantId, importId);
    if (!run) throw new AppError('intake.import_not_found');
    // jsonb does not keep key order: the file's own header gives the columns' order.
    const mapping = run.mapping as IntakeMapping;
    let columns = await previewRows({ path: run.storedPath }, 0, {
      encoding: mapping.encoding,
      delimiter: mapping.delimiter,
      fileName: run.fileName,
    }).then(
      (preview) => preview.headers,
      () => undefined,
    );
    let afterRow = 0;
    for (;;) {
      const page = await listRejections(db, importId, { limit: 1000, afterRow });
      if (!columns) {
        columns = Object.keys(page[0]?.data ?? {});
      }
      if (afterRow === 0) {
        yield `\uFEFF${['Ligne', 'Motif', ...columns].map(csvCell).join(';')}\r\n`;
      }
      let text = '';
      for (const r of page) {
        const cells = [r.rowNumber, r.reason, ...columns.map((c) => r.data[c] ?? '')];
        text += `${cells.map(csvCell).join(';')}\r\n`;
      }
      if (text) yield text;
      if (page.length < 1000) return;
      afterRow = page[page.length - 1].rowNumber;
    }
  }

  async function listAllPresets(scope: RequestScope) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const saved = await listSavedPresets(db, scope.tenantId);
    return [
      ...listPresets().map((preset) => ({ ...preset, shipped: true })),
      ...saved.map((row) => ({
        ...(row.mapping as IntakeMapping),
        id: row.id,
        name: row.name,
        label: row.name,
        shipped: false,
      })),
    ];
  }

  /** Saves a mapping under a name for the institution, replacing the preset of that name if any. */
  async function savePreset(scope: RequestScope, input: { name: string; mapping: IntakeMapping }) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    const id = newId();
    await db.transaction(async (tx) => {
      const replaced = await deleteSavedPresetsNamed(tx, scope.tenantId, input.name);
      await insertSavedPreset(tx, {
        id,
        tenantId: scope.tenantId,
        name: input.name,
        mapping: input.mapping,
        createdBy: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, {
        action: 'intake.preset.saved',
        entityType: 'import_preset',
        entityId: id,
        before: replaced[0] ? { name: input.name, mapping: replaced[0].mapping } : null,
        after: input,
      });
    });
    return { id, name: input.name, label: input.name, ...input.mapping, shipped: false };
  }

  /** Deletes a saved preset (shipped ones have no id and stay). */
  async function deletePreset(scope: RequestScope, id: string) {
    authorize(scope, INTAKE_PERMISSIONS.import);
    await db.transaction(async (tx) => {
      const deleted = await deleteSavedPreset(tx, scope.tenantId, id);
      if (!deleted) throw new AppError('common.not_found');
      await recordAudit(tx, scope, {
        action: 'intake.preset.deleted',
        entityType: 'import_preset',
        entityId: id,
        before: { name: deleted.name, mapping: deleted.mapping },
      });
    });
  }

  return {
    receiveFile,
    discardFile,
    startImport,
    previewFile,
    getImport,
    listRecentImports,
    rejectionsCsv,
    listAllPresets,
    savePreset,
    deletePreset,
  };
}

export type ImportService = ReturnType<typeof createImportService>;
