import type { StaticList } from '@parterre/contract/segments';
import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { livePeople } from '../contacts/contacts-list.repository.ts';
import { queryRows } from '../contacts/contacts-list.sql.ts';
import { uuidArray } from './criteria/criteria-sql.ts';
import { staticListMembers, staticLists } from './segments.tables.ts';

type Row = typeof staticLists.$inferSelect;

const memberCount = sql<number>`(SELECT count(*)::int FROM static_list_members m
  WHERE m.list_id = ${staticLists.id})`.as('member_count');

function toList(row: Row & { memberCount: number }): StaticList {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: Number(row.memberCount),
    sourceSegmentId: row.sourceSegmentId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scoped = (tenantId: string, id: string) =>
  and(eq(staticLists.tenantId, tenantId), eq(staticLists.id, id));

export async function findList(db: DbOrTx, tenantId: string, id: string): Promise<StaticList | undefined> {
  const [row] = await db
    .select({ list: staticLists, memberCount })
    .from(staticLists)
    .where(scoped(tenantId, id));
  return row ? toList({ ...row.list, memberCount: row.memberCount }) : undefined;
}

export async function listLists(
  db: DbOrTx,
  tenantId: string,
  options: { after?: [string, string]; limit: number },
): Promise<StaticList[]> {
  const after = options.after;
  const rows = await db
    .select({ list: staticLists, memberCount })
    .from(staticLists)
    .where(
      and(
        eq(staticLists.tenantId, tenantId),
        after
          ? or(
              gt(staticLists.name, after[0]),
              and(eq(staticLists.name, after[0]), gt(staticLists.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(staticLists.name), asc(staticLists.id))
    .limit(options.limit);
  return rows.map((row) => toList({ ...row.list, memberCount: row.memberCount }));
}

export async function insertList(
  db: DbOrTx,
  values: {
    id: string;
    tenantId: string;
    name: string;
    description: string | null;
    sourceSegmentId?: string | null;
    userId: string | null;
  },
): Promise<void> {
  const { userId, ...rest } = values;
  await db.insert(staticLists).values({ ...rest, createdBy: userId, updatedBy: userId });
}

export async function updateList(
  db: DbOrTx,
  options: {
    tenantId: string;
    id: string;
    version: number;
    userId: string | null;
    changes: { name?: string; description?: string | null };
  },
): Promise<boolean> {
  const { changes } = options;
  const rows = await db
    .update(staticLists)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      version: sql`${staticLists.version} + 1`,
      updatedAt: new Date(),
      updatedBy: options.userId,
    })
    .where(and(scoped(options.tenantId, options.id), eq(staticLists.version, options.version)))
    .returning({ id: staticLists.id });
  return rows.length > 0;
}

/** A membership change bumps the list's version, so that a stale edit of it is refused too. */
export async function touchList(db: DbOrTx, tenantId: string, id: string, userId: string | null) {
  await db
    .update(staticLists)
    .set({ version: sql`${staticLists.version} + 1`, updatedAt: new Date(), updatedBy: userId })
    .where(scoped(tenantId, id));
}

export async function deleteList(db: DbOrTx, tenantId: string, id: string): Promise<boolean> {
  const rows = await db.delete(staticLists).where(scoped(tenantId, id)).returning({ id: staticLists.id });
  return rows.length > 0;
}

/** The given ids that are not live people of the tenant. */
export async function findUnknownPeople(db: DbOrTx, tenantId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT x.id FROM unnest(${uuidArray(ids)}) AS x(id)
      WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = x.id AND ${livePeople(tenantId)})`,
  );
  return rows.map((row) => String(row.id));
}

/** Adds people (already members are left alone); returns how many were new. */
export async function addMembers(
  db: DbOrTx,
  tenantId: string,
  listId: string,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows(
    db,
    sql`INSERT INTO static_list_members (tenant_id, list_id, person_id)
      SELECT ${tenantId}::uuid, ${listId}::uuid, x.id FROM unnest(${uuidArray(ids)}) AS x(id)
      ON CONFLICT DO NOTHING RETURNING person_id`,
  );
  return rows.length;
}

export async function removeMembers(
  db: DbOrTx,
  tenantId: string,
  listId: string,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .delete(staticListMembers)
    .where(
      and(
        eq(staticListMembers.tenantId, tenantId),
        eq(staticListMembers.listId, listId),
        sql`${staticListMembers.personId} = ANY(${uuidArray(ids)})`,
      ),
    )
    .returning({ id: staticListMembers.personId });
  return rows.length;
}

/** Snapshot: every live person matching `where` becomes a member, in one statement. */
export async function addMembersWhere(
  db: DbOrTx,
  tenantId: string,
  listId: string,
  where: SQL,
): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`WITH added AS (INSERT INTO static_list_members (tenant_id, list_id, person_id)
        SELECT ${tenantId}::uuid, ${listId}::uuid, p.id FROM people p WHERE ${livePeople(tenantId)} AND ${where}
        ON CONFLICT DO NOTHING RETURNING 1)
      SELECT count(*)::int AS count FROM added`,
  );
  return Number(rows[0].count);
}

/** Condition on `p`: member of the list. */
export function listMembership(tenantId: string, listId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM static_list_members m WHERE m.tenant_id = ${tenantId}::uuid
    AND m.list_id = ${listId}::uuid AND m.person_id = p.id)`;
}
