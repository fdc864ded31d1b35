import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/** Raw rows of a hand-written query (both drivers answer `{rows}`). */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Escapes LIKE wildcards so that user text matches literally. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One array parameter of ids that came from the database or were validated as UUIDs. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Dates come back as Date from node-postgres and PGlite alike; strings are accepted too. */
export const toIso = (value: unknown) =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

/** jsonb arrives parsed from both drivers, but stay safe if a driver hands back text. */
export const toJsonObject = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;
