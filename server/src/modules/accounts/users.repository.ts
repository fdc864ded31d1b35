import type { User } from '@parterre/contract/accounts';
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { roles, userDepartments, userRoles, users } from './accounts.tables.ts';

/** What sign-in needs; never leaves the accounts services. */
export type UserCredentials = {
  id: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
  status: 'active' | 'disabled';
  passwordHash: string | null;
  totpEnabled: boolean;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  lockedUntil: Date | null;
};

const credentialColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  status: users.status,
  passwordHash: users.passwordHash,
  totpEnabled: users.totpEnabled,
  totpSecret: users.totpSecret,
  totpPendingSecret: users.totpPendingSecret,
  lockedUntil: users.lockedUntil,
};

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  status: users.status,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

type UserRow = {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
};

async function withMemberships(db: DbOrTx, tenantId: string, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const roleRows = await db
    .select({ userId: userRoles.userId, roleId: userRoles.roleId })
    .from(userRoles)
    .where(and(eq(userRoles.tenantId, tenantId), inArray(userRoles.userId, ids)));
  const departmentRows = await db
    .select({ userId: userDepartments.userId, departmentId: userDepartments.departmentId })
    .from(userDepartments)
    .where(and(eq(userDepartments.tenantId, tenantId), inArray(userDepartments.userId, ids)));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === 'en' ? 'en' : 'fr',
    status: row.status,
    roleIds: roleRows.filter((r) => r.userId === row.id).map((r) => r.roleId),
    departmentIds: departmentRows.filter((d) => d.userId === row.id).map((d) => d.departmentId),
    totpEnabled: row.totpEnabled,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  }));
}

export async function countUsers(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users).where(eq(users.tenantId, tenantId));
  return row.value;
}

export async function findUserById(db: DbOrTx, tenantId: string, id: string): Promise<User | null> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  const [user] = await withMemberships(db, tenantId, rows);
  return user ?? null;
}

export async function findUserIdByEmail(db: DbOrTx, tenantId: string, email: string): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.email, email)));
  return row?.id ?? null;
}

export async function findCredentialsByEmail(
  db: DbOrTx,
  tenantId: string,
  email: string,
): Promise<UserCredentials | null> {
  const [row] = await db
    .select(credentialColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.email, email)));
  return row ? { ...row, locale: row.locale === 'en' ? 'en' : 'fr' } : null;
}

export async function findCredentialsById(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<UserCredentials | null> {
  const [row] = await db
    .select(credentialColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row ? { ...row, locale: row.locale === 'en' ? 'en' : 'fr' } : null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Sorted by name then id; `after` is the (name, id) of the previous page's last row. */
export async function listUsers(
  db: DbOrTx,
  tenantId: string,
  options: { q?: string; after?: [string, string]; limit: number },
): Promise<User[]> {
  const pattern = options.q ? `%${escapeLike(options.q)}%` : undefined;
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
        options.after
          ? sql`(${users.name}, ${users.id}) > (${options.after[0]}, ${options.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(options.limit);
  return withMemberships(db, tenantId, rows);
}

export async function insertUser(
  db: DbOrTx,
  tenantId: string,
  user: { id: string; email: string; name: string; locale: string; passwordHash: string | null },
): Promise<void> {
  await db.insert(users).values({ tenantId, ...user });
}

export type UserPatch = Partial<{ name: string; status: 'active' | 'disabled'; locale: string }>;

/** Applies the patch only if the version still matches; returns false when someone got there first. */
export async function updateUserFields(
  db: DbOrTx,
  tenantId: string,
  id: string,
  version: number,
  patch: UserPatch,
): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return updated.length === 1;
}

export async function replaceUserRoles(db: DbOrTx, tenantId: string, userId: string, roleIds: string[]) {
  await db.delete(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
  if (roleIds.length > 0) {
    await db.insert(userRoles).values(roleIds.map((roleId) => ({ tenantId, userId, roleId })));
  }
}

export async function replaceUserDepartments(
  db: DbOrTx,
  tenantId: string,
  userId: string,
  departmentIds: string[],
) {
  await db
    .delete(userDepartments)
    .where(and(eq(userDepartments.tenantId, tenantId), eq(userDepartments.userId, userId)));
  if (departmentIds.length > 0) {
    await db
      .insert(userDepartments)
      .values(departmentIds.map((departmentId) => ({ tenantId, userId, departmentId })));
  }
}

/** Active users holding a role, after locking the role row so that two demotions cannot race. */
export async function countActiveHoldersLocked(
  db: DbOrTx,
  tenantId: string,
  roleId: string,
): Promise<number> {
  await db.execute(
    sql`select 1 from ${roles} where ${roles.tenantId} = ${tenantId} and ${roles.id} = ${roleId} for update`,
  );
  const [row] = await db
    .select({ value: count() })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.roleId, roleId), eq(users.status, 'active')));
  return row.value;
}

/** One statement, so that concurrent failures all count: the fifth in a row locks the account. */
export async function recordFailedLogin(
  db: DbOrTx,
  tenantId: string,
  userId: string,
  policy: { threshold: number; lockMinutes: number },
): Promise<Date | null> {
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${policy.threshold} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${policy.threshold} then now() + make_interval(mins => ${policy.lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .returning({ lockedUntil: users.lockedUntil });
  return row?.lockedUntil ?? null;
}

export async function recordSuccessfulLogin(db: DbOrTx, tenantId: string, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

/** Also lifts a lock: whoever proves control of the mailbox or the old password may sign in again. */
export async function setPasswordHash(db: DbOrTx, tenantId: string, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

export async function setTotpState(
  db: DbOrTx,
  tenantId: string,
  userId: string,
  state: { totpEnabled?: boolean; totpSecret?: string | null; totpPendingSecret?: string | null },
  options: { bumpVersion: boolean } = { bumpVersion: true },
) {
  await db
    .update(users)
    .set({
      ...state,
      ...(options.bumpVersion ? { version: sql`${users.version} + 1`, updatedAt: new Date() } : {}),
    })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}
