import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A suspected duplicate, stored with a < b so that a pair exists once. status: pending | dismissed | merged */
export const duplicatePairs = pgTable(
  'duplicate_pairs',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').notNull().default(sql`'[]'::jsonb`),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duplicate_pairs_pair_idx').on(t.tenantId, t.aId, t.bId),
    index('duplicate_pairs_pending_idx').on(t.tenantId, t.status, t.score),
  ],
);

/** Everything needed to undo a merge exactly: the merged record and every reference that moved. */
export const merges = pgTable(
  'merges',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    survivorBefore: jsonb('survivor_before').notNull(),
    mergedBefore: jsonb('merged_before').notNull(),
    movedReferences: jsonb('moved_references').notNull(),
    mergedBy: uuid('merged_by'),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    index('merges_survivor_idx').on(t.tenantId, t.survivorId),
    index('merges_merged_idx').on(t.tenantId, t.mergedId),
  ],
);
