import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/connection.ts';

/**
 * Inserts many rows in one statement with a single JSON parameter expanded by `jsonb_to_recordset`.
 * Much cheaper than a multi-row VALUES list (no per-value parameters to build, bind and parse):
 * batch endpoints rely on it. Rows are keyed by the table's property names; a column present in any
 * row is inserted for all of them (NULL where a row lacks it, not the column default), columns in
 * none of them take their default. Generated columns are never written.
 */
export async function bulkInsert<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<void> {
  if (rows.length === 0) return;
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => present.has(key) && !column.generated,
  );
  const records = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null]),
    ),
  );
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
  const definitions = sql.raw(
    columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '),
  );
  await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${definitions})`,
  );
}
