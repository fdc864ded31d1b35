import type { Logger } from 'pino';
import type { Database } from '../db/connection.ts';

const INTERVAL_MS = 30_000;

/** Analyses the tables that grew by a fifth since their last ANALYZE and cleans their GIN indexes. */
export async function analyseStaleTables(database: Database): Promise<string[]> {
  const { rows } = await database.sql.executeSql(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
       AND pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 4`,
    [],
  );
  const names = (rows as { name: string }[]).map((row) => row.name);
  for (const name of names) {
    await database.sql.executeSql(`ANALYZE "${name.replaceAll('"', '""')}"`, []);
    const gin = await database.sql.executeSql(
      `SELECT i.indexrelid::regclass::text AS name FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       WHERE i.indrelid = $1::regclass AND am.amname = 'gin'`,
      [name],
    );
    for (const index of gin.rows as { name: string }[]) {
      await database.sql.executeSql('SELECT gin_clean_pending_list($1::regclass)', [index.name]);
    }
  }
  return names;
}

/**
 * PGlite has no autovacuum: after a bulk load the planner keeps the statistics of an empty table
 * and picks sequential scans, and GIN pending lists are never merged. This stands in for it.
 */
export function startEmbeddedMaintenance(database: Database, logger: Logger): () => void {
  if (database.kind !== 'embedded') return () => {};
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await analyseStaleTables(database);
    } catch (error) {
      logger.warn({ err: error }, 'embedded database maintenance failed');
    } finally {
      running = false;
    }
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
