import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/** Raw rows of a hand-written query (node-postgres and PGlite both answer `{rows}`). */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** One JSON parameter expanded server-side: the cheapest way to send many rows in one statement. */
export const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Ids that came from the database or were validated as UUIDs, as one array parameter. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Arbitrary strings as one text[] parameter (sent as JSON, so no escaping to get wrong). */
export const textArray = (values: readonly string[]) =>
  sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Dates come back as Date or string depending on the driver and the query. */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

/**
 * The embedded database has no autovacuum: without this, a bulk import plans its lookups on
 * statistics of an empty base (nested loops over "8 rows" that are 100,000). Tables that doubled
 * since their last ANALYZE are analysed again (logarithmically rare as they grow: an estimate off by
 * at most 2× still picks the same index plans, and each ANALYZE samples up to 30,000 rows), and the
 * pending list of the GIN index on people's external ids is merged, since only autovacuum would do
 * it and lookups scan that list linearly. Best effort: it runs in a savepoint and never fails the caller.
 */
export async function refreshStaleStatistics(tx: DbOrTx, tables: string[]): Promise<void> {
  try {
    await tx.transaction(async (savepoint) => {
      const stale = await queryRows<{ name: string }>(
        savepoint,
        sql`SELECT c.relname AS name FROM pg_class c
          WHERE c.relname = ANY(${textArray(tables)}) AND c.relkind = 'r'
            AND c.relnamespace = 'public'::regnamespace
            AND pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 2 + 4`,
      );
      for (const { name } of stale) await savepoint.execute(sql`ANALYZE ${sql.identifier(name)}`);
      if (tables.includes('people')) {
        await savepoint.execute(sql`SELECT gin_clean_pending_list('people_external_ids_idx'::regclass)`);
      }
    });
  } catch {
    // Statistics are an optimisation: a missing privilege must not stop an import.
  }
}
