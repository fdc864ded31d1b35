import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { newId } from '../../platform/ids.ts';
import { BUILT_IN_ROLES, type BuiltInRole, builtInRolePermissions } from '../../platform/permissions.ts';
import { departments, roles } from './accounts.tables.ts';

export const SECTOR_DEPARTMENTS: { code: string; name: string }[] = [
  { code: 'billetterie', name: 'Billetterie' },
  { code: 'communication', name: 'Communication' },
  { code: 'marketing', name: 'Marketing' },
  { code: 'mecenat', name: 'Mécénat' },
  { code: 'location', name: "Location d'espaces" },
  { code: 'relations-publiques', name: 'Relations publiques' },
  { code: 'juridique', name: 'Juridique / DPO' },
  { code: 'direction', name: 'Direction' },
  { code: 'informatique', name: 'Informatique' },
];

const ROLE_NAMES: Record<BuiltInRole, string> = {
  administrateur: 'Administrateur',
  responsable: 'Responsable',
  agent: 'Agent',
  lecteur: 'Lecteur',
};

/**
 * Departments are seeded once (then they belong to the institution); built-in roles are refreshed
 * at every start so that a new module's permissions reach them without a data migration.
 */
export async function seedAccounts(db: Db, tenantId: string): Promise<void> {
  const [{ value: departmentCount }] = await db
    .select({ value: count() })
    .from(departments)
    .where(eq(departments.tenantId, tenantId));
  if (departmentCount === 0) {
    await db
      .insert(departments)
      .values(SECTOR_DEPARTMENTS.map((d) => ({ id: newId(), tenantId, ...d })))
      .onConflictDoNothing();
  }
  for (const code of BUILT_IN_ROLES) {
    const permissions = builtInRolePermissions(code);
    const [existing] = await db
      .select({ id: roles.id, permissions: roles.permissions })
      .from(roles)
      .where(and(eq(roles.tenantId, tenantId), eq(roles.code, code)));
    if (!existing) {
      await db
        .insert(roles)
        .values({ id: newId(), tenantId, code, name: ROLE_NAMES[code], builtIn: true, permissions })
        .onConflictDoNothing();
    } else if ([...existing.permissions].sort().join() !== [...permissions].sort().join()) {
      await db.update(roles).set({ permissions }).where(eq(roles.id, existing.id));
    }
  }
}
