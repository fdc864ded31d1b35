import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repositories accept either, so that a service decides where the transaction boundary is. */
export type DbOrTx = Db | Tx;

/** The raw SQL door used by pg-boss and by the few places that need several statements at once. */
export type SqlExecutor = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
};

export type Database = {
  kind: 'embedded' | 'server';
  db: Db;
  /** Reads that may lag a little (analytics, counts) go here; it is `db` unless a replica is configured. */
  readDb: Db;
  sql: SqlExecutor;
  /** For pg-boss on a server: its own small pool. */
  connectionString?: string;
  close(): Promise<void>;
};

const pgliteExtensions = { pg_trgm, unaccent, fuzzystrmatch, citext, btree_gist, pgcrypto };

/** Opens PGlite in a directory, or in memory when `dataDir` is undefined (tests). */
export async function openEmbeddedDatabase(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  const client = await PGlite.create({
    dataDir,
    extensions: pgliteExtensions,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    readDb: db,
    sql: pgliteExecutor(client),
    close: () => client.close(),
  };
}

export function openServerDatabase(url: string, readUrl?: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const readPool = readUrl ? new pg.Pool({ connectionString: readUrl, max: poolSize }) : undefined;
  // An idle client whose connection the server closed (restart, failover, administrator command)
  // is dropped and replaced on next use; unhandled, the event would crash the process.
  const dropBrokenClient = () => {};
  pool.on('error', dropBrokenClient);
  readPool?.on('error', dropBrokenClient);
  const db = drizzlePostgres(pool) as unknown as Db;
  return {
    kind: 'server',
    db,
    readDb: readPool ? (drizzlePostgres(readPool) as unknown as Db) : db,
    sql: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
    connectionString: url,
    close: async () => {
      await pool.end();
      await readPool?.end();
    },
  };
}

/**
 * PGlite's `query` takes one statement; pg-boss also sends multi-statement scripts without
 * parameters and, like node-postgres, expects an array of results for those.
 */
function pgliteExecutor(client: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      if (results.length === 1) return { rows: results[0].rows as Record<string, unknown>[] };
      return Object.assign(
        results.map((r) => ({ rows: r.rows as Record<string, unknown>[] })),
        { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] },
      );
    },
  };
}
