import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One file import. `committedRows` advances in the same transaction as each chunk's data, so a job
 * restarted after a crash resumes after the last committed chunk.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    jobId: uuid('job_id'),
    fileName: text('file_name').notNull(),
    /** Where the uploaded file is kept while the import runs (under the data directory). */
    storedPath: text('stored_path').notNull(),
    source: text('source').notNull(),
    preset: text('preset'),
    mapping: jsonb('mapping').notNull(),
    /** off | review | merge */
    dedupe: text('dedupe').notNull().default('review'),
    dryRun: integer('dry_run').notNull().default(0),
    /** queued | running | succeeded | failed | cancelled */
    status: text('status').notNull().default('queued'),
    committedRows: integer('committed_rows').notNull().default(0),
    counts: jsonb('counts')
      .notNull()
      .default(sql`'{"rows":0,"created":0,"updated":0,"unchanged":0,"merged":0,"rejected":0}'::jsonb`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('imports_tenant_created_idx').on(t.tenantId, t.createdAt)],
);

export const importRejections = pgTable(
  'import_rejections',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    reason: text('reason').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);

/** Saved column mappings, per institution, next to the shipped presets. */
export const mappingPresets = pgTable(
  'mapping_presets',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mapping_presets_tenant_idx').on(t.tenantId, t.name)],
);
