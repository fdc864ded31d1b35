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
import { hashPassword } from '../src/modules/accounts/passwords.ts';
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
  options: {
    roles?: string[];
    departments?: string[];
    email?: string;
    name?: string;
    /** Lets the user sign in with a session (argon2id, so keep it to the tests that need it). */
    password?: string;
  } = {},
): Promise<TestUser> {
  const db = t.database.db;
  const tenantId = t.context.defaultTenantId;
  counter += 1;
  const id = newId();
  const email = options.email ?? `user${counter}-${id.slice(-6)}@test.parterre.fr`;
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  await db
    .insert(users)
    .values({ id, tenantId, email, name: options.name ?? `Utilisateur ${counter}`, passwordHash });
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

export type TestSession = {
  /** Cookies to send back: the signed session and, once `me` was read, the CSRF secret. */
  cookies: Record<string, string>;
  csrfToken: string;
  /** For GETs: the session cookie only. */
  headers: Record<string, string>;
  /** For POST/PATCH/DELETE: adds `x-csrf-token`. */
  mutationHeaders: Record<string, string>;
};

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/** Signs in through the API like the back office: login, then GET /auth/me for the CSRF token. */
export async function signIn(
  t: TestApp,
  credentials: { email: string; password: string; totpCode?: string },
  options: { ip?: string } = {},
): Promise<TestSession> {
  const ipHeader: Record<string, string> = options.ip ? { 'x-forwarded-for': options.ip } : {};
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: ipHeader,
    payload: credentials,
  });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  return sessionFromCookies(t, login.cookies);
}

/** Completes a session from the `set-cookie` of a login or setup answer. */
export async function sessionFromCookies(
  t: TestApp,
  setCookies: { name: string; value: string }[],
): Promise<TestSession> {
  const cookies: Record<string, string> = {};
  for (const cookie of setCookies) cookies[cookie.name] = cookie.value;
  const me = await t.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: cookieHeader(cookies) },
  });
  if (me.statusCode !== 200) throw new Error(`GET /auth/me failed: ${me.statusCode} ${me.body}`);
  for (const cookie of me.cookies) cookies[cookie.name] = cookie.value;
  const csrfToken = me.json().csrfToken as string;
  const headers = { cookie: cookieHeader(cookies), 'accept-language': 'fr' };
  return { cookies, csrfToken, headers, mutationHeaders: { ...headers, 'x-csrf-token': csrfToken } };
}
