import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { jobRuns } from '../../platform/platform.tables.ts';
import { importRejections, imports, mappingPresets } from './intake.tables.ts';

export type ImportCounts = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  rejected: number;
};

export type ImportRow = {
  id: string;
  tenantId: string;
  jobId: string | null;
  fileName: string;
  storedPath: string;
  source: string;
  preset: string | null;
  mapping: unknown;
  dedupe: 'off' | 'review' | 'merge';
  dryRun: boolean;
  status: string;
  committedRows: number;
  counts: ImportCounts;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type RejectionRow = { rowNumber: number; reason: string; data: Record<string, string> };

function orderedCounts(c: ImportCounts): ImportCounts {
  return {
    rows: c.rows,
    created: c.created,
    updated: c.updated,
    unchanged: c.unchanged,
    merged: c.merged,
    rejected: c.rejected,
  };
}

function toImport(row: typeof imports.$inferSelect): ImportRow {
  return {
    id: row.id,
    tenantId: row.tenantId,
    jobId: row.jobId,
    fileName: row.fileName,
    storedPath: row.storedPath,
    source: row.source,
    preset: row.preset,
    mapping: row.mapping,
    dedupe: row.dedupe as ImportRow['dedupe'],
    dryRun: row.dryRun === 1,
    status: row.status,
    committedRows: row.committedRows,
    counts: orderedCounts(row.counts as ImportCounts),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function insertImport(
  db: DbOrTx,
  row: Omit<ImportRow, 'status' | 'committedRows' | 'counts' | 'createdAt' | 'finishedAt'>,
): Promise<void> {
  await db.insert(imports).values({ ...row, mapping: row.mapping as object, dryRun: row.dryRun ? 1 : 0 });
}

export async function setImportJob(db: DbOrTx, tenantId: string, id: string, jobId: string): Promise<void> {
  await db
    .update(imports)
    .set({ jobId })
    .where(and(eq(imports.tenantId, tenantId), eq(imports.id, id)));
}

export async function findImport(db: DbOrTx, tenantId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.tenantId, tenantId), eq(imports.id, id)));
  return row ? toImport(row) : undefined;
}

/** The job's own status wins over the import's: a crashed or retried run is only known there. */
export async function findJobStatus(db: DbOrTx, tenantId: string, jobId: string | null) {
  if (!jobId) return undefined;
  const [run] = await db
    .select({
      status: jobRuns.status,
      error: jobRuns.error,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
    })
    .from(jobRuns)
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, jobId)));
  return run;
}

export async function listImports(db: DbOrTx, tenantId: string, limit: number): Promise<ImportRow[]> {
  const rows = await db
    .select()
    .from(imports)
    .where(eq(imports.tenantId, tenantId))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
  return rows.map(toImport);
}

/** Advances the resume point together with the chunk's data (same transaction). */
export async function commitChunk(
  db: DbOrTx,
  options: {
    tenantId: string;
    id: string;
    committedRows: number;
    counts: ImportCounts;
    rejections: RejectionRow[];
  },
): Promise<void> {
  if (options.rejections.length > 0) {
    await db
      .insert(importRejections)
      .values(options.rejections.map((r) => ({ importId: options.id, ...r })))
      .onConflictDoNothing();
  }
  await db
    .update(imports)
    .set({ committedRows: options.committedRows, counts: options.counts, status: 'running' })
    .where(and(eq(imports.tenantId, options.tenantId), eq(imports.id, options.id)));
}

export async function setImportStatus(
  db: DbOrTx,
  tenantId: string,
  id: string,
  status: 'running' | 'succeeded' | 'failed',
): Promise<void> {
  await db
    .update(imports)
    .set({ status, ...(status === 'running' ? {} : { finishedAt: new Date() }) })
    .where(and(eq(imports.tenantId, tenantId), eq(imports.id, id)));
}

export async function listRejections(
  db: DbOrTx,
  importId: string,
  options: { limit: number; afterRow?: number },
): Promise<RejectionRow[]> {
  const rows = await db
    .select({
      rowNumber: importRejections.rowNumber,
      reason: importRejections.reason,
      data: importRejections.data,
    })
    .from(importRejections)
    .where(
      and(
        eq(importRejections.importId, importId),
        sql`${importRejections.rowNumber} > ${options.afterRow ?? 0}`,
      ),
    )
    .orderBy(asc(importRejections.rowNumber))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, data: r.data as Record<string, string> }));
}

export async function findSavedPreset(db: DbOrTx, tenantId: string, name: string) {
  const [row] = await db
    .select({ name: mappingPresets.name, mapping: mappingPresets.mapping })
    .from(mappingPresets)
    .where(and(eq(mappingPresets.tenantId, tenantId), eq(mappingPresets.name, name)))
    .orderBy(desc(mappingPresets.createdAt))
    .limit(1);
  return row;
}

export async function listSavedPresets(db: DbOrTx, tenantId: string) {
  return db
    .select({ id: mappingPresets.id, name: mappingPresets.name, mapping: mappingPresets.mapping })
    .from(mappingPresets)
    .where(eq(mappingPresets.tenantId, tenantId))
    .orderBy(asc(mappingPresets.name));
}

export async function insertSavedPreset(
  db: DbOrTx,
  row: { id: string; tenantId: string; name: string; mapping: object; createdBy: string | null },
): Promise<void> {
  await db.insert(mappingPresets).values(row);
}

/** Removes a saved preset; `undefined` when the institution has none with that id. */
export async function deleteSavedPreset(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .delete(mappingPresets)
    .where(and(eq(mappingPresets.tenantId, tenantId), eq(mappingPresets.id, id)))
    .returning({ id: mappingPresets.id, name: mappingPresets.name, mapping: mappingPresets.mapping });
  return row;
}

/** Removes the institution's presets of that name (a preset saved again under its name replaces it). */
export async function deleteSavedPresetsNamed(db: DbOrTx, tenantId: string, name: string) {
  return db
    .delete(mappingPresets)
    .where(and(eq(mappingPresets.tenantId, tenantId), eq(mappingPresets.name, name)))
    .returning({ id: mappingPresets.id, mapping: mappingPresets.mapping });
}
