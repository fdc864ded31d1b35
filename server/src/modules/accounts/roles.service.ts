import type { CreateRoleInput, Permission, Role, UpdateRoleInput } from '@parterre/contract/accounts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage, type FieldError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, isKnownPermission, permissionCatalogue } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  permissionsNotHeld,
  requireSelfId,
} from './account-helpers.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import {
  countRoleHolders,
  deleteRole as deleteRoleRow,
  findRole,
  findRoleByCode,
  insertRole,
  listRoles as listRoleRows,
  updateRole as updateRoleRow,
} from './roles.repository.ts';

/** Unknown codes are reported field by field; duplicates are dropped. */
function checkPermissions(scope: RequestScope, permissions: string[], previous: string[] = []): string[] {
  const fieldErrors: FieldError[] = [];
  permissions.forEach((code, i) => {
    if (!isKnownPermission(code)) {
      fieldErrors.push({
        path: `body.permissions.${i}`,
        code: 'unknown_permission',
        message: `${errorMessage('roles.unknown_permission', scope.locale)} (${code})`,
      });
    }
  });
  if (fieldErrors.length > 0) throw new AppError('roles.unknown_permission', { fieldErrors });
  const unique = [...new Set(permissions)];
  const added = unique.filter((code) => !previous.includes(code));
  if (permissionsNotHeld(scope, added).length > 0) throw new AppError('roles.cannot_grant');
  return unique;
}

/** Built-in roles follow the catalogue (recomputed at start); custom roles are edited here. */
export function createRolesService(context: AppContext) {
  const db = context.database.db;

  async function listRoles(scope: RequestScope, query: { cursor?: string; limit: number }) {
    requireSelfId(scope);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listRoleRows(db, scope.tenantId, { after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (row) => [row.name, row.id]);
  }

  function listPermissions(scope: RequestScope): { data: Permission[] } {
    requireSelfId(scope);
    return { data: permissionCatalogue() };
  }

  async function createRole(scope: RequestScope, input: CreateRoleInput): Promise<Role> {
    authorize(scope, ACCOUNT_PERMISSIONS.roles);
    const permissions = checkPermissions(scope, input.permissions);
    try {
      return await db.transaction(async (tx) => {
        if (await findRoleByCode(tx, scope.tenantId, input.code)) throw new AppError('roles.code_taken');
        const role = await insertRole(tx, {
          id: newId(),
          tenantId: scope.tenantId,
          code: input.code,
          name: input.name,
          permissions,
        });
        await recordAudit(tx, scope, {
          action: 'role.created',
          entityType: 'role',
          entityId: role.id,
          after: role,
        });
        await emitEvent(tx, scope, { type: 'role.created', entityType: 'role', entityId: role.id });
        return role;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('roles.code_taken');
      throw error;
    }
  }

  async function updateRole(scope: RequestScope, id: string, version: number, input: UpdateRoleInput) {
    authorize(scope, ACCOUNT_PERMISSIONS.roles);
    return db.transaction(async (tx) => {
      const before = await findRole(tx, scope.tenantId, id);
      if (!before) throw new AppError('roles.not_found');
      if (before.builtIn) throw new AppError('roles.built_in');
      if (before.version !== version) throw new AppError('common.stale');
      const permissions = input.permissions
        ? checkPermissions(scope, input.permissions, before.permissions)
        : undefined;
      const after = await updateRoleRow(tx, scope.tenantId, id, version, { name: input.name, permissions });
      if (!after) throw new AppError('common.stale');
      await recordAudit(tx, scope, {
        action: 'role.updated',
        entityType: 'role',
        entityId: id,
        before,
        after,
        reason: input.reason,
      });
      await emitEvent(tx, scope, { type: 'role.updated', entityType: 'role', entityId: id });
      return after;
    });
  }

  async function deleteRole(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, ACCOUNT_PERMISSIONS.roles);
    try {
      await db.transaction(async (tx) => {
        const before = await findRole(tx, scope.tenantId, id);
        if (!before) throw new AppError('roles.not_found');
        if (before.builtIn) throw new AppError('roles.built_in');
        if ((await countRoleHolders(tx, scope.tenantId, id)) > 0) throw new AppError('roles.in_use');
        await deleteRoleRow(tx, scope.tenantId, id);
        await recordAudit(tx, scope, { action: 'role.deleted', entityType: 'role', entityId: id, before });
        await emitEvent(tx, scope, { type: 'role.deleted', entityType: 'role', entityId: id });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError('roles.in_use');
      throw error;
    }
  }

  return { listRoles, listPermissions, createRole, updateRole, deleteRole };
}
