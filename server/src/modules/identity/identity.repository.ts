import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { bulkInsert } from '../../platform/bulk-insert.ts';
import { newId } from '../../platform/ids.ts';
import { settings } from '../../platform/platform.tables.ts';
import type { PersonImage } from '../contacts/people-merge.repository.ts';
import type { PersonReferences } from '../ticketing/person-references.repository.ts';
import { duplicatePairs, merges } from './identity.tables.ts';
import type { MatchReason } from './match-explanation.ts';

const RULES_KEY = 'identity.matching_rules';

export type PairRow = typeof duplicatePairs.$inferSelect;
export type PairStatus = 'pending' | 'dismissed' | 'merged';

/** A detected pair, people in id order (UUIDv7: the older record first). */
export type FoundPair = { aId: string; bId: string; score: number; reasons: MatchReason[] };

export const orderedIds = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

export async function readRules(db: DbOrTx, tenantId: string): Promise<unknown> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.tenantId, tenantId), eq(settings.key, RULES_KEY)));
  return row?.value;
}

export async function writeRules(tx: DbOrTx, tenantId: string, value: object): Promise<void> {
  await tx
    .insert(settings)
    .values({ tenantId, key: RULES_KEY, value })
    .onConflictDoUpdate({
      target: [settings.tenantId, settings.key],
      set: { value, updatedAt: new Date(), version: sql`${settings.version} + 1` },
    });
}

/**
 * Writes pairs as pending, or refreshes the score of a pending one; dismissed and merged pairs keep
 * their decision (a dismissed pair is never proposed again). Returns how many rows were written.
 */
export async function upsertPendingPairs(tx: DbOrTx, tenantId: string, pairs: FoundPair[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = pairs.map((pair) => ({
    id: newId(),
    tenant_id: tenantId,
    a_id: pair.aId,
    b_id: pair.bId,
    score: pair.score,
    reasons: pair.reasons,
  }));
  const result = (await tx.execute(sql`
    INSERT INTO duplicate_pairs (id, tenant_id, a_id, b_id, score, reasons)
    SELECT id, tenant_id, a_id, b_id, score, reasons
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, tenant_id uuid, a_id uuid, b_id uuid, score real, reasons jsonb)
    ON CONFLICT (tenant_id, a_id, b_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons
      WHERE duplicate_pairs.status = 'pending'
        AND (duplicate_pairs.score <> excluded.score OR duplicate_pairs.reasons <> excluded.reasons)
    RETURNING id`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}

/** Ids and people of every pending pair of the tenant (the scan drops those it no longer finds). */
export async function listPendingPairKeys(db: DbOrTx, tenantId: string) {
  return db
    .select({ id: duplicatePairs.id, aId: duplicatePairs.aId, bId: duplicatePairs.bId })
    .from(duplicatePairs)
    .where(and(eq(duplicatePairs.tenantId, tenantId), eq(duplicatePairs.status, 'pending')));
}

export async function deletePairs(tx: DbOrTx, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    sql`DELETE FROM duplicate_pairs WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
  );
}

/** Pending pairs, best score first, from the cursor (score, id) on. */
export async function listPendingPairs(
  db: DbOrTx,
  tenantId: string,
  options: { minScore: number; after?: [number, string]; limit: number },
): Promise<PairRow[]> {
  const after = options.after
    ? sql`AND (score < ${options.after[0]}::real OR (score = ${options.after[0]}::real AND id > ${options.after[1]}::uuid))`
    : sql``;
  const result = (await db.execute(sql`
    SELECT id, tenant_id AS "tenantId", a_id AS "aId", b_id AS "bId", score, reasons, status,
      decided_by AS "decidedBy", decided_at AS "decidedAt", detected_at AS "detectedAt"
    FROM duplicate_pairs
    WHERE tenant_id = ${tenantId}::uuid AND status = 'pending' AND score >= ${options.minScore}::real ${after}
    ORDER BY score DESC, id LIMIT ${options.limit}`)) as unknown as { rows: PairRow[] };
  return result.rows.map((row) => ({ ...row, detectedAt: new Date(row.detectedAt) }));
}

export async function findPair(db: DbOrTx, tenantId: string, id: string): Promise<PairRow | undefined> {
  const [row] = await db
    .select()
    .from(duplicatePairs)
    .where(and(eq(duplicatePairs.tenantId, tenantId), eq(duplicatePairs.id, id)));
  return row;
}

export async function findPairOf(db: DbOrTx, tenantId: string, x: string, y: string) {
  const [aId, bId] = orderedIds(x, y);
  const [row] = await db
    .select()
    .from(duplicatePairs)
    .where(
      and(eq(duplicatePairs.tenantId, tenantId), eq(duplicatePairs.aId, aId), eq(duplicatePairs.bId, bId)),
    );
  return row;
}

/** Records a decision on the pair of two people, creating the pair when none was detected. */
export async function decidePair(
  tx: DbOrTx,
  options: {
    tenantId: string;
    pair: FoundPair;
    status: PairStatus;
    decidedBy: string | null;
  },
): Promise<PairRow> {
  const { tenantId, pair } = options;
  const [row] = await tx
    .insert(duplicatePairs)
    .values({
      id: newId(),
      tenantId,
      aId: pair.aId,
      bId: pair.bId,
      score: pair.score,
      reasons: pair.reasons,
      status: options.status,
      decidedBy: options.decidedBy,
      decidedAt: new Date(),
    })
    .onConflictDoUpdate({
      target: [duplicatePairs.tenantId, duplicatePairs.aId, duplicatePairs.bId],
      set: { status: options.status, decidedBy: options.decidedBy, decidedAt: new Date() },
    })
    .returning();
  return row;
}

/** Pending pairs naming a person, as full rows (a merge removes them and an unmerge puts them back). */
export async function takePendingPairsOf(tx: DbOrTx, tenantId: string, personId: string) {
  const result = (await tx.execute(sql`
    DELETE FROM duplicate_pairs WHERE tenant_id = ${tenantId}::uuid AND status = 'pending'
      AND (a_id = ${personId}::uuid OR b_id = ${personId}::uuid)
    RETURNING to_jsonb(duplicate_pairs) AS row`)) as unknown as { rows: { row: Record<string, unknown> }[] };
  return result.rows.map((r) => r.row);
}

/** Removes the pair of two people, whatever its status (an unmerge removes the pair its merge decided). */
export async function deletePairOf(tx: DbOrTx, tenantId: string, x: string, y: string): Promise<void> {
  const [aId, bId] = orderedIds(x, y);
  await tx
    .delete(duplicatePairs)
    .where(
      and(eq(duplicatePairs.tenantId, tenantId), eq(duplicatePairs.aId, aId), eq(duplicatePairs.bId, bId)),
    );
}

/** Puts pair rows back as imaged, replacing the current row of the same two people if any. */
export async function restorePairs(tx: DbOrTx, tenantId: string, images: Record<string, unknown>[]) {
  if (images.length === 0) return;
  const json = JSON.stringify(images);
  await tx.execute(sql`DELETE FROM duplicate_pairs d USING jsonb_populate_recordset(null::duplicate_pairs, ${json}::jsonb) x
    WHERE d.tenant_id = ${tenantId}::uuid AND d.a_id = x.a_id AND d.b_id = x.b_id`);
  await tx.execute(sql`INSERT INTO duplicate_pairs
    SELECT * FROM jsonb_populate_recordset(null::duplicate_pairs, ${json}::jsonb)`);
}

/** Everything an unmerge needs, stored in `merges.moved_references`. */
export type MovedReferences = {
  counts: Record<string, number>;
  ticketing: PersonReferences;
  /** Consent events moved; absent in merges made before the consent ledger existed. */
  consentEvents?: string[];
  notes: string[];
  relationships: Record<string, unknown>[];
  timeline: { id: string; subjects: string[] }[];
  /** Pair rows as they were before the merge: the merged pair and the other pending pairs of the merged person. */
  pairs: Record<string, unknown>[];
  /** Versions right after the merge: a later change to either record makes an exact undo impossible. */
  survivorVersion: number;
  mergedVersion: number;
};

export type MergeRow = typeof merges.$inferSelect;

export async function insertMerge(
  tx: DbOrTx,
  row: {
    id: string;
    tenantId: string;
    survivorId: string;
    mergedId: string;
    survivorBefore: PersonImage;
    mergedBefore: PersonImage;
    movedReferences: MovedReferences;
    mergedBy: string | null;
  },
): Promise<void> {
  await bulkInsert(tx, merges, [row]);
}

export async function findMerge(db: DbOrTx, tenantId: string, id: string): Promise<MergeRow | undefined> {
  const [row] = await db
    .select()
    .from(merges)
    .where(and(eq(merges.tenantId, tenantId), eq(merges.id, id)));
  return row;
}

/** Merges of which the person is one side, newest first. */
export async function listMergesOf(
  db: DbOrTx,
  tenantId: string,
  personId: string,
  side: 'survivor' | 'merged',
): Promise<MergeRow[]> {
  const column = side === 'survivor' ? merges.survivorId : merges.mergedId;
  return db
    .select()
    .from(merges)
    .where(and(eq(merges.tenantId, tenantId), eq(column, personId)))
    .orderBy(sql`${merges.mergedAt} DESC, ${merges.id} DESC`);
}

export async function markMergeUndone(tx: DbOrTx, tenantId: string, id: string): Promise<void> {
  await tx
    .update(merges)
    .set({ undoneAt: new Date() })
    .where(and(eq(merges.tenantId, tenantId), eq(merges.id, id)));
}
