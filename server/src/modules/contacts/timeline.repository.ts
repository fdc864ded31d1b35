import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { escapeLike, queryRows, toIso, toJsonObject, uuidArray } from './contacts-list.sql.ts';

export type TimelineRow = {
  position: number;
  id: string;
  type: string;
  entityType: string;
  entityId: string | null;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  payload: Record<string, unknown>;
};

export type NoteAccess = {
  id: string;
  departmentId: string | null;
  visibility: string;
  createdBy: string | null;
  deleted: boolean;
};

/**
 * Events naming the subject, newest first. `visibleDepartments` undefined means every department;
 * otherwise events owned by another department are left out. Names of actors and departments are
 * joined for display only.
 */
export async function listTimelineEvents(
  db: DbOrTx,
  options: {
    tenantId: string;
    subjectId: string;
    visibleDepartments?: readonly string[];
    typePrefixes?: string[];
    departmentId?: string;
    beforePosition?: number;
    limit: number;
  },
): Promise<TimelineRow[]> {
  const conditions: SQL[] = [
    sql`ev.tenant_id = ${options.tenantId}::uuid`,
    sql`ev.subjects @> ARRAY[${options.subjectId}::uuid]`,
  ];
  if (options.visibleDepartments) {
    conditions.push(
      options.visibleDepartments.length > 0
        ? sql`(ev.department_id IS NULL OR ev.department_id = ANY(${uuidArray([...options.visibleDepartments])}))`
        : sql`ev.department_id IS NULL`,
    );
  }
  if (options.typePrefixes?.length) {
    const byType = options.typePrefixes.map(
      (prefix) => sql`(ev.type = ${prefix} OR ev.type LIKE ${`${escapeLike(prefix)}.%`})`,
    );
    conditions.push(sql`(${sql.join(byType, sql` OR `)})`);
  }
  if (options.departmentId) conditions.push(sql`ev.department_id = ${options.departmentId}::uuid`);
  if (options.beforePosition !== undefined) conditions.push(sql`ev.position < ${options.beforePosition}`);
  const rows = await queryRows(
    db,
    sql`
    SELECT ev.position, ev.id, ev.type, ev.entity_type, ev.entity_id, ev.occurred_at, ev.actor_id,
      ev.department_id, ev.payload, u.name AS actor_name, d.name AS department_name
    FROM outbox_events ev
    LEFT JOIN users u ON u.id = ev.actor_id
    LEFT JOIN departments d ON d.id = ev.department_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ev.position DESC LIMIT ${options.limit}`,
  );
  return rows.map((row) => ({
    position: Number(row.position),
    id: String(row.id),
    type: String(row.type),
    entityType: String(row.entity_type),
    entityId: (row.entity_id as string | null) ?? null,
    occurredAt: toIso(row.occurred_at),
    actorId: (row.actor_id as string | null) ?? null,
    actorName: (row.actor_name as string | null) ?? null,
    departmentId: (row.department_id as string | null) ?? null,
    departmentName: (row.department_name as string | null) ?? null,
    payload: toJsonObject(row.payload),
  }));
}

/** Whether the person or organisation exists (live) in the tenant. */
export async function subjectExists(
  db: DbOrTx,
  tenantId: string,
  kind: 'person' | 'organisation',
  id: string,
): Promise<boolean> {
  const table = sql.raw(kind === 'person' ? 'people' : 'organisations');
  const rows = await queryRows(
    db,
    sql`SELECT 1 FROM ${table} WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid AND deleted_at IS NULL`,
  );
  return rows.length > 0;
}

export async function loadNoteAccess(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
): Promise<Map<string, NoteAccess>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows(
    db,
    sql`
    SELECT id, department_id, visibility, created_by, deleted_at IS NOT NULL AS deleted FROM notes
    WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(ids)})`,
  );
  return new Map(
    rows.map((row) => [
      String(row.id),
      {
        id: String(row.id),
        departmentId: (row.department_id as string | null) ?? null,
        visibility: String(row.visibility),
        createdBy: (row.created_by as string | null) ?? null,
        deleted: Boolean(row.deleted),
      },
    ]),
  );
}
