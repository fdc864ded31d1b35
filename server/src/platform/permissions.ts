import { AppError } from './errors.ts';
import type { RequestScope } from './scope.ts';

export type PermissionDefinition = { code: string; group: string; labelFr: string; labelEn: string };

const catalogue = new Map<string, PermissionDefinition>();

/** Each module declares the permissions it checks; the role editor lists them from here. */
export function definePermissions(group: string, entries: Record<string, { fr: string; en: string }>): void {
  for (const [code, label] of Object.entries(entries)) {
    if (catalogue.has(code)) throw new Error(`Permission defined twice: ${code}`);
    catalogue.set(code, { code, group, labelFr: label.fr, labelEn: label.en });
  }
}

export function permissionCatalogue(): PermissionDefinition[] {
  return [...catalogue.values()];
}

export function isKnownPermission(code: string): boolean {
  return catalogue.has(code);
}

/** Suffixes that only responsables and administrators get by default. */
const MANAGER_VERBS = ['delete', 'export', 'manage', 'merge'];

export const BUILT_IN_ROLES = ['administrateur', 'responsable', 'agent', 'lecteur'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/** Permissions of a built-in role, computed from the catalogue so that new modules need no seeding. */
export function builtInRolePermissions(role: BuiltInRole): string[] {
  const all = permissionCatalogue().map((p) => p.code);
  const verb = (code: string) => code.slice(code.lastIndexOf('.') + 1);
  switch (role) {
    case 'administrateur':
      return all;
    case 'responsable':
      return all.filter((code) => !code.startsWith('admin.'));
    case 'agent':
      return all.filter((code) => !code.startsWith('admin.') && !MANAGER_VERBS.includes(verb(code)));
    case 'lecteur':
      return all.filter((code) => verb(code) === 'read');
  }
}

export type ResourceRef = {
  /** For department-owned facts (notes, gifts, rentals…): who owns it. */
  departmentId?: string | null;
};

export const CROSS_DEPARTMENT_PERMISSION = 'admin.all_departments';

/**
 * The single gate. Services call it before any read or write; it throws `common.forbidden`
 * (or `common.unauthenticated`) and returns nothing when allowed.
 */
export function authorize(scope: RequestScope, permission: string, resource?: ResourceRef): void {
  const { principal } = scope;
  if (principal.kind === 'system') return;
  if (principal.kind === 'anonymous') throw new AppError('common.unauthenticated');
  if (!principal.permissions.has(permission)) {
    throw new AppError('common.forbidden', { details: { permission } });
  }
  const department = resource?.departmentId;
  if (
    department &&
    !principal.departmentIds.includes(department) &&
    !principal.permissions.has(CROSS_DEPARTMENT_PERMISSION)
  ) {
    throw new AppError('common.forbidden', { details: { permission, departmentId: department } });
  }
}

/** The same rule as `authorize`, as a boolean, for filtering lists and masking fields. */
export function can(scope: RequestScope, permission: string, resource?: ResourceRef): boolean {
  try {
    authorize(scope, permission, resource);
    return true;
  } catch {
    return false;
  }
}
