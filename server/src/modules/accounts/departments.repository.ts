import type { Department } from '@parterre/contract/accounts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { departments, userDepartments } from './accounts.tables.ts';

const columns = {
  id: departments.id,
  code: departments.code,
  name: departments.name,
  description: departments.description,
  version: departments.version,
};

/** Sorted by name then id; `after` is the (name, id) of the previous page's last row. */
export function listDepartments(
  db: DbOrTx,
  tenantId: string,
  options: { after?: [string, string]; limit: number },
): Promise<Department[]> {
  return db
    .select(columns)
    .from(departments)
    .where(
      and(
        eq(departments.tenantId, tenantId),
        options.after
          ? sql`(${departments.name}, ${departments.id}) > (${options.after[0]}, ${options.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(departments.name), asc(departments.id))
    .limit(options.limit);
}

export async function findDepartment(db: DbOrTx, tenantId: string, id: string): Promise<Department | null> {
  const [row] = await db
    .select(columns)
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), eq(departments.id, id)));
  return row ?? null;
}

export async function findDepartmentIdsByCodes(
  db: DbOrTx,
  tenantId: string,
  codes: string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), inArray(departments.code, codes)));
  return rows.map((row) => row.id);
}

export async function existingDepartmentIds(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), inArray(departments.id, ids)));
  return new Set(rows.map((row) => row.id));
}

export async function departmentCodeExists(db: DbOrTx, tenantId: string, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), eq(departments.code, code)));
  return row !== undefined && row.id !== exceptId;
}

export async function insertDepartment(
  db: DbOrTx,
  department: { id: string; tenantId: string; code: string; name: string; description: string | null },
): Promise<Department> {
  const [row] = await db.insert(departments).values(department).returning(columns);
  return row;
}

/** Returns the new state, or null when the version no longer matches. */
export async function updateDepartment(
  db: DbOrTx,
  tenantId: string,
  id: string,
  version: number,
  patch: { code?: string; name?: string; description?: string | null },
): Promise<Department | null> {
  const [row] = await db
    .update(departments)
    .set({ ...patch, version: sql`${departments.version} + 1` })
    .where(and(eq(departments.tenantId, tenantId), eq(departments.id, id), eq(departments.version, version)))
    .returning(columns);
  return row ?? null;
}

export async function countDepartmentMembers(db: DbOrTx, tenantId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(userDepartments)
    .where(and(eq(userDepartments.tenantId, tenantId), eq(userDepartments.departmentId, id)));
  return row.value;
}

export async function deleteDepartment(db: DbOrTx, tenantId: string, id: string): Promise<void> {
  await db.delete(departments).where(and(eq(departments.tenantId, tenantId), eq(departments.id, id)));
}
