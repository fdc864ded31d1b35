import type { CreateUserInput, UpdateUserInput, User } from '@parterre/contract/accounts';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage, type FieldError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { isUniqueViolation, permissionsNotHeld } from './account-helpers.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import { existingDepartmentIds, findDepartmentIdsByCodes } from './departments.repository.ts';
import { createPasswordResetService } from './password-reset.service.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { findRoleByCode, findRolesByIds } from './roles.repository.ts';
import { deleteUserSessions } from './sessions.repository.ts';
import {
  countActiveHoldersLocked,
  findUserById,
  findUserIdByEmail,
  insertUser,
  listUsers as listUserRows,
  replaceUserDepartments,
  replaceUserRoles,
  updateUserFields,
} from './users.repository.ts';

export const ADMINISTRATOR_ROLE = 'administrateur';

/** Roles and departments must exist in the tenant; newly granted roles must not exceed the granter. */
async function checkMemberships(
  tx: DbOrTx,
  scope: RequestScope,
  input: { roleIds?: string[]; departmentIds?: string[] },
  previousRoleIds: string[] = [],
): Promise<void> {
  const fieldErrors: FieldError[] = [];
  const message = errorMessage('users.unknown_reference', scope.locale);
  if (input.roleIds) {
    const found = await findRolesByIds(tx, scope.tenantId, input.roleIds);
    const known = new Set(found.map((role) => role.id));
    input.roleIds.forEach((id, i) => {
      if (!known.has(id)) fieldErrors.push({ path: `body.roleIds.${i}`, code: 'unknown_role', message });
    });
    const granted = found.filter((role) => !previousRoleIds.includes(role.id));
    if (
      permissionsNotHeld(
        scope,
        granted.flatMap((role) => role.permissions),
      ).length > 0
    ) {
      throw new AppError('users.cannot_grant');
    }
  }
  if (input.departmentIds) {
    const known = await existingDepartmentIds(tx, scope.tenantId, input.departmentIds);
    input.departmentIds.forEach((id, i) => {
      if (!known.has(id))
        fieldErrors.push({ path: `body.departmentIds.${i}`, code: 'unknown_department', message });
    });
  }
  if (fieldErrors.length > 0) throw new AppError('users.unknown_reference', { fieldErrors });
}

export type NewAccount = {
  email: string;
  name: string;
  locale?: 'fr' | 'en';
  passwordHash: string | null;
  roleIds: string[];
  departmentIds: string[];
};

/**
 * Inserts a user with their memberships, audit and event, inside the caller's transaction.
 * Shared by the users API, the first-run setup and the `admin create` command.
 */
export async function insertAccount(tx: DbOrTx, scope: RequestScope, account: NewAccount): Promise<User> {
  if (await findUserIdByEmail(tx, scope.tenantId, account.email)) throw new AppError('users.email_taken');
  const roleIds = [...new Set(account.roleIds)];
  const departmentIds = [...new Set(account.departmentIds)];
  await checkMemberships(tx, scope, { roleIds, departmentIds });
  const id = newId();
  try {
    await insertUser(tx, scope.tenantId, {
      id,
      email: account.email,
      name: account.name,
      locale: account.locale ?? 'fr',
      passwordHash: account.passwordHash,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('users.email_taken');
    throw error;
  }
  await replaceUserRoles(tx, scope.tenantId, id, roleIds);
  await replaceUserDepartments(tx, scope.tenantId, id, departmentIds);
  const user = (await findUserById(tx, scope.tenantId, id))!;
  await recordAudit(tx, scope, { action: 'user.created', entityType: 'user', entityId: id, after: user });
  await emitEvent(tx, scope, {
    type: 'user.created',
    entityType: 'user',
    entityId: id,
    payload: { email: user.email },
  });
  return user;
}

export function createUsersService(context: AppContext) {
  const db = context.database.db;
  const links = createPasswordResetService(context);

  async function listUsers(scope: RequestScope, query: { q?: string; cursor?: string; limit: number }) {
    authorize(scope, ACCOUNT_PERMISSIONS.users);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listUserRows(db, scope.tenantId, { q: query.q, after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (user) => [user.name, user.id]);
  }

  async function getUser(scope: RequestScope, id: string): Promise<User> {
    authorize(scope, ACCOUNT_PERMISSIONS.users);
    const user = await findUserById(db, scope.tenantId, id);
    if (!user) throw new AppError('users.not_found');
    return user;
  }

  /** Without a password, the user is invited by email to choose one (link valid 7 days). */
  async function createUser(scope: RequestScope, input: CreateUserInput): Promise<User> {
    authorize(scope, ACCOUNT_PERMISSIONS.users);
    if (input.password) assertPasswordAcceptable(input.password, input.email, scope.locale, 'body.password');
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const user = await db.transaction((tx) => insertAccount(tx, scope, { ...input, passwordHash }));
    if (!input.password) await links.sendInvitation(scope, user);
    return user;
  }

  /** Disabling signs the user out; the last active administrator can be neither disabled nor demoted. */
  async function updateUser(scope: RequestScope, id: string, version: number, input: UpdateUserInput) {
    authorize(scope, ACCOUNT_PERMISSIONS.users);
    return db.transaction(async (tx) => {
      const before = await findUserById(tx, scope.tenantId, id);
      if (!before) throw new AppError('users.not_found');
      if (before.version !== version) throw new AppError('common.stale');
      const roleIds = input.roleIds ? [...new Set(input.roleIds)] : undefined;
      const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : undefined;
      await checkMemberships(tx, scope, { roleIds, departmentIds }, before.roleIds);

      const adminRole = await findRoleByCode(tx, scope.tenantId, ADMINISTRATOR_ROLE);
      if (adminRole) {
        const isAdmin = (status: string, roles: string[]) =>
          status === 'active' && roles.includes(adminRole.id);
        const losesAdmin =
          isAdmin(before.status, before.roleIds) &&
          !isAdmin(input.status ?? before.status, roleIds ?? before.roleIds);
        if (losesAdmin && (await countActiveHoldersLocked(tx, scope.tenantId, adminRole.id)) <= 1) {
          throw new AppError('users.last_admin');
        }
      }

      const patch = { name: input.name, status: input.status, locale: input.locale };
      if (!(await updateUserFields(tx, scope.tenantId, id, version, patch)))
        throw new AppError('common.stale');
      if (roleIds) await replaceUserRoles(tx, scope.tenantId, id, roleIds);
      if (departmentIds) await replaceUserDepartments(tx, scope.tenantId, id, departmentIds);
      if (input.status === 'disabled' && before.status !== 'disabled') {
        await deleteUserSessions(tx, scope.tenantId, id);
      }
      const after = (await findUserById(tx, scope.tenantId, id))!;
      await recordAudit(tx, scope, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after,
        reason: input.reason,
      });
      await emitEvent(tx, scope, { type: 'user.updated', entityType: 'user', entityId: id });
      return after;
    });
  }

  /** For the `admin create` command: an active administrator, in the management departments. */
  async function createAdministrator(
    scope: RequestScope,
    input: { email: string; name: string; password: string },
  ) {
    assertPasswordAcceptable(input.password, input.email, scope.locale, 'password');
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const role = await findRoleByCode(tx, scope.tenantId, ADMINISTRATOR_ROLE);
      if (!role) throw new Error('The administrateur role is missing: was the database seeded?');
      const departmentIds = await findDepartmentIdsByCodes(tx, scope.tenantId, MANAGEMENT_DEPARTMENTS);
      return insertAccount(tx, scope, { ...input, passwordHash, roleIds: [role.id], departmentIds });
    });
  }

  return { listUsers, getUser, createUser, updateUser, createAdministrator };
}

/** The first administrator belongs to these departments (when they still exist). */
export const MANAGEMENT_DEPARTMENTS = ['direction', 'informatique'];
