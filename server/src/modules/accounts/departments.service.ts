import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from '@parterre/contract/accounts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { isForeignKeyViolation, isUniqueViolation, requireSelfId } from './account-helpers.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import {
  countDepartmentMembers,
  deleteDepartment as deleteDepartmentRow,
  departmentCodeExists,
  findDepartment,
  insertDepartment,
  listDepartments as listDepartmentRows,
  updateDepartment as updateDepartmentRow,
} from './departments.repository.ts';

/** Departments ("services"): box office, development, communication… Users belong to some. */
export function createDepartmentsService(context: AppContext) {
  const db = context.database.db;

  /** Any signed-in user may list them: pickers and filters everywhere need them. */
  async function listDepartments(scope: RequestScope, query: { cursor?: string; limit: number }) {
    requireSelfId(scope);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listDepartmentRows(db, scope.tenantId, { after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (row) => [row.name, row.id]);
  }

  async function createDepartment(scope: RequestScope, input: CreateDepartmentInput): Promise<Department> {
    authorize(scope, ACCOUNT_PERMISSIONS.departments);
    try {
      return await db.transaction(async (tx) => {
        if (await departmentCodeExists(tx, scope.tenantId, input.code)) {
          throw new AppError('departments.code_taken');
        }
        const department = await insertDepartment(tx, {
          id: newId(),
          tenantId: scope.tenantId,
          code: input.code,
          name: input.name,
          description: input.description ?? null,
        });
        await recordAudit(tx, scope, {
          action: 'department.created',
          entityType: 'department',
          entityId: department.id,
          after: department,
        });
        await emitEvent(tx, scope, {
          type: 'department.created',
          entityType: 'department',
          entityId: department.id,
          departmentId: department.id,
        });
        return department;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('departments.code_taken');
      throw error;
    }
  }

  async function updateDepartment(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateDepartmentInput,
  ): Promise<Department> {
    authorize(scope, ACCOUNT_PERMISSIONS.departments);
    try {
      return await db.transaction(async (tx) => {
        const before = await findDepartment(tx, scope.tenantId, id);
        if (!before) throw new AppError('departments.not_found');
        if (before.version !== version) throw new AppError('common.stale');
        if (input.code && (await departmentCodeExists(tx, scope.tenantId, input.code, id))) {
          throw new AppError('departments.code_taken');
        }
        const { reason, ...patch } = input;
        const after = await updateDepartmentRow(tx, scope.tenantId, id, version, patch);
        if (!after) throw new AppError('common.stale');
        await recordAudit(tx, scope, {
          action: 'department.updated',
          entityType: 'department',
          entityId: id,
          before,
          after,
          reason,
        });
        await emitEvent(tx, scope, {
          type: 'department.updated',
          entityType: 'department',
          entityId: id,
          departmentId: id,
        });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('departments.code_taken');
      throw error;
    }
  }

  /** Refused while users or department-owned data still point at it. */
  async function deleteDepartment(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, ACCOUNT_PERMISSIONS.departments);
    try {
      await db.transaction(async (tx) => {
        const before = await findDepartment(tx, scope.tenantId, id);
        if (!before) throw new AppError('departments.not_found');
        if ((await countDepartmentMembers(tx, scope.tenantId, id)) > 0)
          throw new AppError('departments.in_use');
        await deleteDepartmentRow(tx, scope.tenantId, id);
        await recordAudit(tx, scope, {
          action: 'department.deleted',
          entityType: 'department',
          entityId: id,
          before,
        });
        await emitEvent(tx, scope, { type: 'department.deleted', entityType: 'department', entityId: id });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError('departments.in_use');
      throw error;
    }
  }

  return { listDepartments, createDepartment, updateDepartment, deleteDepartment };
}
