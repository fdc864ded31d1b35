import type { CriteriaGroup, Segment } from '@parterre/contract/segments';
import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { livePeople } from '../contacts/contacts-list.repository.ts';
import { queryRows } from '../contacts/contacts-list.sql.ts';
import { segmentSizeHistory, segments } from './segments.tables.ts';

type Row = typeof segments.$inferSelect;

function toSegment(row: Row): Segment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    criteria: row.criteria as CriteriaGroup,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scoped = (tenantId: string, id: string) => and(eq(segments.tenantId, tenantId), eq(segments.id, id));

export async function findSegment(db: DbOrTx, tenantId: string, id: string): Promise<Segment | undefined> {
  const [row] = await db.select().from(segments).where(scoped(tenantId, id));
  return row ? toSegment(row) : undefined;
}

/** By name then id, strictly after the `(name, id)` cursor. */
export async function listSegments(
  db: DbOrTx,
  tenantId: string,
  options: { after?: [string, string]; limit: number },
): Promise<Segment[]> {
  const after = options.after;
  const rows = await db
    .select()
    .from(segments)
    .where(
      and(
        eq(segments.tenantId, tenantId),
        after
          ? or(gt(segments.name, after[0]), and(eq(segments.name, after[0]), gt(segments.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(asc(segments.name), asc(segments.id))
    .limit(options.limit);
  return rows.map(toSegment);
}

/** Segments not yet counted on `day`: what a (re)started snapshot run still has to do. */
export async function listSegmentIdsWithoutSnapshot(
  db: DbOrTx,
  tenantId: string,
  day: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT s.id FROM segments s WHERE s.tenant_id = ${tenantId}::uuid
      AND NOT EXISTS (SELECT 1 FROM segment_size_history h WHERE h.segment_id = s.id AND h.day = ${day}::date)
      ORDER BY s.id`,
  );
  return rows.map((row) => String(row.id));
}

export async function insertSegment(
  db: DbOrTx,
  values: {
    id: string;
    tenantId: string;
    name: string;
    description: string | null;
    criteria: CriteriaGroup;
    userId: string | null;
  },
): Promise<Segment> {
  const { userId, ...rest } = values;
  const [row] = await db
    .insert(segments)
    .values({ ...rest, criteria: rest.criteria as object, createdBy: userId, updatedBy: userId })
    .returning();
  return toSegment(row);
}

/** Applies the change only if the segment is still at `version`; undefined otherwise. */
export async function updateSegment(
  db: DbOrTx,
  options: {
    tenantId: string;
    id: string;
    version: number;
    userId: string | null;
    changes: { name?: string; description?: string | null; criteria?: CriteriaGroup };
  },
): Promise<Segment | undefined> {
  const { changes } = options;
  const [row] = await db
    .update(segments)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.criteria !== undefined ? { criteria: changes.criteria as object } : {}),
      version: sql`${segments.version} + 1`,
      updatedAt: new Date(),
      updatedBy: options.userId,
    })
    .where(and(scoped(options.tenantId, options.id), eq(segments.version, options.version)))
    .returning();
  return row ? toSegment(row) : undefined;
}

export async function deleteSegment(db: DbOrTx, tenantId: string, id: string): Promise<boolean> {
  const rows = await db.delete(segments).where(scoped(tenantId, id)).returning({ id: segments.id });
  return rows.length > 0;
}

/** Another segment whose criteria name this one (membership rules), if any. */
export async function findSegmentReferencing(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(
      and(
        eq(segments.tenantId, tenantId),
        sql`${segments.id} <> ${id}::uuid`,
        sql`jsonb_path_exists(${segments.criteria}, '$.** ? (@.field == "membership.segment").value.ids[*] ? (@ == $id)', jsonb_build_object('id', ${id}::text))`,
      ),
    )
    .limit(1);
  return row;
}

/** Live people matching a condition on `p`. */
export async function countPeopleWhere(db: DbOrTx, tenantId: string, where: SQL): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`SELECT count(*)::int AS count FROM people p WHERE ${livePeople(tenantId)} AND ${where}`,
  );
  return Number(row.count);
}

/**
 * Overlap of 2–3 audiences in one scan: each person's membership pattern as a bit mask
 * (bit i: in set i), counted per mask.
 */
export async function countMembershipPatterns(
  db: DbOrTx,
  tenantId: string,
  conditions: SQL[],
): Promise<{ mask: number; count: number }[]> {
  const bits = sql.join(
    conditions.map((condition, index) => sql`(CASE WHEN ${condition} THEN ${1 << index} ELSE 0 END)`),
    sql` + `,
  );
  const any = sql.join(conditions, sql` OR `);
  const rows = await queryRows<{ mask: number; count: number }>(
    db,
    sql`SELECT m.mask, count(*)::int AS count FROM (
        SELECT ${bits} AS mask FROM people p WHERE ${livePeople(tenantId)} AND (${any})
      ) m GROUP BY m.mask`,
  );
  return rows.map((row) => ({ mask: Number(row.mask), count: Number(row.count) }));
}

/** Records the day's count; a second run the same day replaces it (the job is idempotent). */
export async function upsertSizeSnapshot(
  db: DbOrTx,
  values: { tenantId: string; segmentId: string; day: string; count: number },
): Promise<void> {
  await db
    .insert(segmentSizeHistory)
    .values(values)
    .onConflictDoUpdate({
      target: [segmentSizeHistory.segmentId, segmentSizeHistory.day],
      set: { count: values.count, takenAt: new Date() },
    });
}

export async function listSizeHistory(
  db: DbOrTx,
  tenantId: string,
  segmentId: string,
): Promise<{ day: string; count: number }[]> {
  const rows = await db
    .select({ day: segmentSizeHistory.day, count: segmentSizeHistory.count })
    .from(segmentSizeHistory)
    .where(and(eq(segmentSizeHistory.tenantId, tenantId), eq(segmentSizeHistory.segmentId, segmentId)))
    .orderBy(asc(segmentSizeHistory.day));
  return rows.map((row) => ({ day: String(row.day), count: row.count }));
}
