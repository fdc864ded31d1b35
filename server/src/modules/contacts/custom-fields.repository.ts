import type { CustomField, CustomFieldEntity } from '@parterre/contract/custom-fields';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { customFieldDefinitions } from './contacts.tables.ts';

type Row = typeof customFieldDefinitions.$inferSelect;

function toCustomField(row: Row): CustomField {
  return {
    id: row.id,
    entity: row.entity as CustomFieldEntity,
    key: row.key,
    label: row.label,
    type: row.type as CustomField['type'],
    options: (row.options as string[]) ?? [],
    required: row.required,
    sensitive: row.sensitive,
    position: row.position,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCustomFields(
  db: DbOrTx,
  tenantId: string,
  entity?: CustomFieldEntity,
): Promise<CustomField[]> {
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.tenantId, tenantId),
        entity ? eq(customFieldDefinitions.entity, entity) : undefined,
      ),
    )
    .orderBy(
      asc(customFieldDefinitions.entity),
      asc(customFieldDefinitions.position),
      asc(customFieldDefinitions.label),
    );
  return rows.map(toCustomField);
}

export async function findCustomField(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, tenantId), eq(customFieldDefinitions.id, id)));
  return row ? toCustomField(row) : undefined;
}

/** Returns undefined when the key is already taken for that entity. */
export async function insertCustomField(
  db: DbOrTx,
  values: typeof customFieldDefinitions.$inferInsert,
): Promise<CustomField | undefined> {
  const [row] = await db.insert(customFieldDefinitions).values(values).onConflictDoNothing().returning();
  return row ? toCustomField(row) : undefined;
}

/** Applies the change only at the expected version; undefined when stale or gone. */
export async function updateCustomField(
  db: DbOrTx,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<typeof customFieldDefinitions.$inferInsert>,
): Promise<CustomField | undefined> {
  const [row] = await db
    .update(customFieldDefinitions)
    .set({ ...changes, updatedAt: new Date(), version: sql`${customFieldDefinitions.version} + 1` })
    .where(
      and(
        eq(customFieldDefinitions.tenantId, tenantId),
        eq(customFieldDefinitions.id, id),
        eq(customFieldDefinitions.version, version),
      ),
    )
    .returning();
  return row ? toCustomField(row) : undefined;
}

export async function deleteCustomField(db: DbOrTx, tenantId: string, id: string): Promise<void> {
  await db
    .delete(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, tenantId), eq(customFieldDefinitions.id, id)));
}
