import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/connection.ts';
import type { CatalogueResource } from './catalogue.resources.ts';
import { queryRows } from './ticketing.sql.ts';

type Row = Record<string, unknown>;

function column(table: PgTable, key: string): PgColumn {
  const found = getTableColumns(table)[key];
  if (!found) throw new Error(`no column ${key}`);
  return found;
}

const scopedId = (table: PgTable, tenantId: string, id: string) =>
  and(eq(column(table, 'tenantId'), tenantId), eq(column(table, 'id'), id));

/** One page in sort order; `after` is the [sort value, id] of the last row of the previous page. */
export async function listCatalogueRows(
  db: DbOrTx,
  resource: CatalogueResource,
  options: { tenantId: string; after?: [string, string]; limit: number; filters: Record<string, string> },
): Promise<Row[]> {
  const { table, sort } = resource;
  const conditions: SQL[] = [eq(column(table, 'tenantId'), options.tenantId)];
  for (const [name, value] of Object.entries(options.filters)) {
    const condition = resource.filters[name];
    if (condition) conditions.push(condition(options.tenantId, value));
  }
  if (options.after) {
    const [value, id] = options.after;
    conditions.push(
      sql`(${sort.expression}, ${column(table, 'id')}) > (${value}::${sql.raw(sort.cast)}, ${id}::uuid)`,
    );
  }
  return (await db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(sort.expression, column(table, 'id'))
    .limit(options.limit)) as Row[];
}

export async function findCatalogueRow(
  db: DbOrTx,
  resource: CatalogueResource,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Row | undefined> {
  const query = db
    .select()
    .from(resource.table)
    .where(scopedId(resource.table, tenantId, id));
  const [row] = (await (options.lock ? query.for('update') : query)) as Row[];
  return row;
}

export async function findCatalogueRowBySource(
  db: DbOrTx,
  resource: CatalogueResource,
  tenantId: string,
  key: { source: string; externalId: string },
): Promise<Row | undefined> {
  const { table } = resource;
  const [row] = (await db
    .select()
    .from(table)
    .where(
      and(
        eq(column(table, 'tenantId'), tenantId),
        eq(column(table, 'source'), key.source),
        eq(column(table, 'externalId'), key.externalId),
      ),
    )
    .for('update')) as Row[];
  return row;
}

export async function insertCatalogueRow(tx: DbOrTx, resource: CatalogueResource, values: Row): Promise<Row> {
  const [row] = (await tx
    .insert(resource.table)
    .values(values as never)
    .returning()) as Row[];
  return row;
}

/** Writes the columns and bumps the version; the caller holds the row lock and checked the version. */
export async function updateCatalogueRow(
  tx: DbOrTx,
  resource: CatalogueResource,
  tenantId: string,
  id: string,
  columns: Row,
): Promise<Row> {
  const { table } = resource;
  const [row] = (await tx
    .update(table)
    .set({ ...columns, updatedAt: new Date(), version: sql`${column(table, 'version')} + 1` } as never)
    .where(scopedId(table, tenantId, id))
    .returning()) as Row[];
  return row;
}

export async function deleteCatalogueRow(
  tx: DbOrTx,
  resource: CatalogueResource,
  tenantId: string,
  id: string,
): Promise<void> {
  await tx.delete(resource.table).where(scopedId(resource.table, tenantId, id));
}

/** How many rows of other tables point to this one. */
export async function countCatalogueUsage(
  db: DbOrTx,
  resource: CatalogueResource,
  tenantId: string,
  id: string,
): Promise<number> {
  let total = 0;
  for (const { table, column: name } of resource.usedBy) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = ${tenantId}::uuid AND ${sql.identifier(name)} = ${id}::uuid`,
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** The references that point to nothing in the tenant. */
export async function missingReferences<T extends { table: PgTable; id: string }>(
  db: DbOrTx,
  tenantId: string,
  references: T[],
): Promise<T[]> {
  const missing: T[] = [];
  for (const reference of references) {
    const rows = await queryRows(
      db,
      sql`SELECT 1 FROM ${reference.table} WHERE tenant_id = ${tenantId}::uuid AND id = ${reference.id}::uuid`,
    );
    if (rows.length === 0) missing.push(reference);
  }
  return missing;
}
