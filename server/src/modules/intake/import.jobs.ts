import { z } from 'zod';
import type { DbOrTx } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { defineJob, JobCancelledError, type JobContext } from '../../platform/jobs.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { resolvePeople } from '../contacts/people-intake.service.ts';
import { requestPeopleCheck } from '../identity/people-check.jobs.ts';
import type { CatalogueCache } from '../ticketing/catalogue-upsert.repository.ts';
import { createOrdersUpsertService } from '../ticketing/orders-upsert.service.ts';
import { refreshTicketingSummaries } from '../ticketing/ticketing-summaries.repository.ts';
import { previewRows, readRows } from './file-reader.ts';
import {
  commitChunk,
  findImport,
  type ImportCounts,
  type ImportRow,
  type RejectionRow,
  setImportStatus,
} from './import.repository.ts';
import { groupRows, type MappedRow, type RowRejection } from './import-records.ts';
import { compileMapping, type RowReason } from './mapping.ts';

/** Rows per transaction; tests lower it and may inject a crash after a chunk. */
export const importTuning: { chunkRows: number; afterChunk?: (chunk: number) => void } = { chunkRows: 2000 };

class DryRunRollback extends Error {}

const describeReasons = (reasons: RowReason[]) =>
  reasons.map((r) => `${r.column} : ${r.message}`).join(' ; ');
const rejection = (r: RowRejection): RejectionRow => ({
  rowNumber: r.rowNumber,
  reason: r.reason,
  data: r.values,
});

type ChunkOutcome = {
  counts: Omit<ImportCounts, 'rows' | 'rejected' | 'merged'>;
  rejections: RejectionRow[];
  concerned: string[];
  /** People created by the chunk, for the identity check (none with dedupe off). */
  newPeopleIds: string[];
};

async function writeChunk(
  tx: DbOrTx,
  scope: RequestScope,
  options: { run: ImportRow; rows: MappedRow[]; cache?: CatalogueCache; database: JobContext['database'] },
): Promise<ChunkOutcome> {
  const { run } = options;
  const { units, rejections } = groupRows(options.rows);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const orders = units.flatMap((u) => (u.kind === 'order' ? [u] : []));
  const people = units.flatMap((u) => (u.kind === 'person' ? [u] : []));
  const concerned = new Set<string>();
  const newPeopleIds: string[] = [];
  if (orders.length > 0) {
    const outcome = await createOrdersUpsertService({ database: options.database }).upsertOrders(
      scope,
      {
        source: run.source,
        dedupe: run.dedupe,
        orders: orders.map((u) => u.order),
        importId: run.id,
        catalogueCache: options.cache,
        deferSummaries: true,
      },
      tx,
    );
    for (const result of outcome.results) {
      if (result.status !== 'error') {
        counts[result.status] += 1;
        continue;
      }
      const reason = `Commande ${result.externalId} refusée : ${result.error?.code ?? 'erreur'}`;
      for (const row of orders[result.index].rows)
        rejections.push({ rowNumber: row.rowNumber, reason, values: row.values });
    }
    for (const id of outcome.concernedPeopleIds) concerned.add(id);
    newPeopleIds.push(...outcome.newPeopleIds);
  }
  if (people.length > 0) {
    const resolved = await resolvePeople(tx, scope, {
      source: run.source,
      people: people.map((u) => u.person),
    });
    const created = new Set(resolved.createdIds);
    if (run.dedupe !== 'off') newPeopleIds.push(...resolved.createdIds);
    const enriched = new Set(resolved.enrichedIds);
    const seen = new Set<string>();
    resolved.ids.forEach((id, i) => {
      const { rows } = people[i];
      if (!id) {
        for (const row of rows)
          rejections.push({ rowNumber: row.rowNumber, reason: 'Personne invalide', values: row.values });
        return;
      }
      // Two rows of one new person count it once.
      if (seen.has(id)) counts.unchanged += 1;
      else counts[created.has(id) ? 'created' : enriched.has(id) ? 'updated' : 'unchanged'] += 1;
      seen.add(id);
    });
  }
  return { counts, rejections: rejections.map(rejection), concerned: [...concerned], newPeopleIds };
}

/**
 * Streams the stored file, maps its rows and writes them ~2,000 rows at a time. Each chunk's
 * orders, rejections, counts and resume point (`committed_rows`, the last spreadsheet row written)
 * commit in one transaction, so a run restarted after a crash skips what is already there and
 * ends with the same totals as a clean run. An order's adjacent rows are never split across two
 * chunks; non-adjacent rows of one order are merged within a chunk, but across chunks the later rows
 * would replace the order's lines (ticketing exports list an order's tickets together).
 * A dry run rolls each chunk back and keeps only the rejections and counts.
 */
export async function runImport(
  job: Pick<JobContext, 'database' | 'scope' | 'reportProgress' | 'throwIfCancelled'>,
  importId: string,
) {
  const db = job.database.db;
  const tenantId = job.scope.tenantId;
  const run = await findImport(db, tenantId, importId);
  if (!run) throw new AppError('intake.import_not_found');
  if (run.status === 'succeeded') return { importId, counts: run.counts };
  const input = { path: run.storedPath };
  const mappingOptions = run.mapping as { encoding?: string; delimiter?: string };
  const readOptions = { encoding: mappingOptions.encoding, delimiter: mappingOptions.delimiter };
  const { headers } = await previewRows(input, 0, readOptions);
  const mapRow = compileMapping(run.mapping, headers);
  await setImportStatus(db, tenantId, importId, 'running');

  const counts: ImportCounts = { ...run.counts };
  let committedRows = run.committedRows;
  const cache: CatalogueCache | undefined = run.dryRun ? undefined : new Map();
  let chunkNumber = 0;
  let buffer: MappedRow[] = [];
  let bufferRejections: RowRejection[] = [];
  let bufferRows = 0;
  let lastRow = committedRows;

  const flush = async () => {
    if (bufferRows === 0) return;
    await job.throwIfCancelled();
    const rows = buffer;
    const early = bufferRejections;
    let outcome: ChunkOutcome | undefined;
    const chunkCounts = { ...counts };
    if (run.dryRun) {
      await db
        .transaction(async (tx) => {
          outcome = await writeChunk(tx, job.scope, { run, rows, database: job.database });
          throw new DryRunRollback();
        })
        .catch((error) => {
          if (!(error instanceof DryRunRollback)) throw error;
        });
    }
    await db.transaction(async (tx) => {
      if (!run.dryRun)
        outcome = await writeChunk(tx, job.scope, { run, rows, cache, database: job.database });
      const done = outcome!;
      const rejections = [...early.map(rejection), ...done.rejections];
      chunkCounts.rows += bufferRows;
      chunkCounts.created += done.counts.created;
      chunkCounts.updated += done.counts.updated;
      chunkCounts.unchanged += done.counts.unchanged;
      chunkCounts.rejected += rejections.length;
      if (!run.dryRun) await refreshTicketingSummaries(tx, tenantId, done.concerned);
      await commitChunk(tx, {
        tenantId,
        id: importId,
        committedRows: lastRow,
        counts: chunkCounts,
        rejections,
      });
    });
    if (!run.dryRun) {
      await requestPeopleCheck(job.database, job.scope, {
        personIds: outcome!.newPeopleIds,
        dedupe: run.dedupe,
      });
    }
    Object.assign(counts, chunkCounts);
    committedRows = lastRow;
    buffer = [];
    bufferRejections = [];
    bufferRows = 0;
    chunkNumber += 1;
    importTuning.afterChunk?.(chunkNumber);
    await job.reportProgress(counts.rows, null);
  };

  for await (const source of readRows(input, readOptions)) {
    if (source.rowNumber <= committedRows) continue;
    const mapped = mapRow(source.values);
    const orderKey = mapped.ok ? mapped.record.order?.externalId : undefined;
    const continuesOrder = orderKey !== undefined && buffer.at(-1)?.record.order?.externalId === orderKey;
    if (bufferRows >= importTuning.chunkRows && !continuesOrder) await flush();
    if (mapped.ok) buffer.push({ rowNumber: source.rowNumber, values: source.values, record: mapped.record });
    else
      bufferRejections.push({
        rowNumber: source.rowNumber,
        reason: describeReasons(mapped.reasons),
        values: source.values,
      });
    bufferRows += 1;
    lastRow = source.rowNumber;
  }
  await flush();
  await setImportStatus(db, tenantId, importId, 'succeeded');
  await job.reportProgress(counts.rows, counts.rows);
  return { importId, counts };
}

export const importJob = defineJob({
  type: 'intake.import',
  version: 1,
  payload: z.object({ importId: z.uuid() }),
  expireInSeconds: 6 * 3600,
  async run(job, payload) {
    try {
      return await runImport(job, payload.importId);
    } catch (error) {
      if (!(error instanceof JobCancelledError)) {
        await setImportStatus(job.database.db, job.scope.tenantId, payload.importId, 'failed').catch(
          () => {},
        );
      }
      throw error;
    }
  },
});
