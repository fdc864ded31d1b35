import type { Role } from '@parterre/contract/accounts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { roles, userRoles } from './accounts.tables.ts';

const columns = {
  id: roles.id,
  code: roles.code,
  name: roles.name,
  builtIn: roles.builtIn,
  permissions: roles.permissions,
  version: roles.version,
};

/** Sorted by name then id; `after` is the (name, id) of the previous page's last row. */
export function listRoles(
  db: DbOrTx,
  tenantId: string,
  options: { after?: [string, string]; limit: number },
): Promise<Role[]> {
  return db
    .select(columns)
    .from(roles)
    .where(
      and(
        eq(roles.tenantId, tenantId),
        options.after
          ? sql`(${roles.name}, ${roles.id}) > (${options.after[0]}, ${options.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(roles.name), asc(roles.id))
    .limit(options.limit);
}

export async function findRole(db: DbOrTx, tenantId: string, id: string): Promise<Role | null> {
  const [row] = await db
    .select(columns)
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));
  return row ?? null;
}

export async function findRoleByCode(db: DbOrTx, tenantId: string, code: string): Promise<Role | null> {
  const [row] = await db
    .select(columns)
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.code, code)));
  return row ?? null;
}

export function findRolesByIds(db: DbOrTx, tenantId: string, ids: string[]): Promise<Role[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(columns)
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), inArray(roles.id, ids)));
}

export async function insertRole(
  db: DbOrTx,
  role: { id: string; tenantId: string; code: string; name: string; permissions: string[] },
): Promise<Role> {
  const [row] = await db
    .insert(roles)
    .values({ ...role, builtIn: false })
    .returning(columns);
  return row;
}

/** Returns the new state, or null when the version no longer matches. */
export async function updateRole(
  db: DbOrTx,
  tenantId: string,
  id: string,
  version: number,
  patch: { name?: string; permissions?: string[] },
): Promise<Role | null> {
  const [row] = await db
    .update(roles)
    .set({ ...patch, version: sql`${roles.version} + 1` })
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, id), eq(roles.version, version)))
    .returning(columns);
  return row ?? null;
}

export async function countRoleHolders(db: DbOrTx, tenantId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(userRoles)
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.roleId, id)));
  return row.value;
}

export async function deleteRole(db: DbOrTx, tenantId: string, id: string): Promise<void> {
  await db.delete(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));
}
