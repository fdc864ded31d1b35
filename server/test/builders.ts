import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { sha256 } from '../src/modules/accounts/accounts.authenticator.ts';
import {
  apiTokens,
  departments,
  roles,
  userDepartments,
  userRoles,
  users,
} from '../src/modules/accounts/accounts.tables.ts';
import { newId } from '../src/platform/ids.ts';
import type { TestApp } from './test-app.ts';

export type TestUser = {
  id: string;
  email: string;
  token: string;
  /** Headers for `app.inject`: bearer token and French. */
  headers: Record<string, string>;
};

let counter = 0;

/**
 * A user with the given built-in or custom role codes and department codes, plus a bearer token
 * carrying all of the user's permissions.
 */
export async function buildUser(
  t: TestApp,
  options: { roles?: string[]; departments?: string[]; email?: string; name?: string } = {},
): Promise<TestUser> {
  const db = t.database.db;
  const tenantId = t.context.defaultTenantId;
  counter += 1;
  const id = newId();
  const email = options.email ?? `user${counter}-${id.slice(-6)}@test.parterre.fr`;
  await db.insert(users).values({ id, tenantId, email, name: options.name ?? `Utilisateur ${counter}` });
  const roleCodes = options.roles ?? ['agent'];
  const roleRows = await db
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), inArray(roles.code, roleCodes)));
  if (roleRows.length !== roleCodes.length) throw new Error(`Unknown role in ${roleCodes.join(', ')}`);
  if (roleRows.length > 0) {
    await db.insert(userRoles).values(roleRows.map((r) => ({ tenantId, userId: id, roleId: r.id })));
  }
  const departmentCodes = options.departments ?? [];
  if (departmentCodes.length > 0) {
    const departmentRows = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.tenantId, tenantId), inArray(departments.code, departmentCodes)));
    await db
      .insert(userDepartments)
      .values(departmentRows.map((d) => ({ tenantId, userId: id, departmentId: d.id })));
  }
  const token = `prt_${randomBytes(24).toString('base64url')}`;
  await db.insert(apiTokens).values({
    id: newId(),
    tenantId,
    userId: id,
    name: 'test',
    prefix: token.slice(0, 10),
    secretHash: sha256(token),
    scopes: ['*'],
  });
  return { id, email, token, headers: { authorization: `Bearer ${token}`, 'accept-language': 'fr' } };
}
