import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openEmbeddedDatabase } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { analyseStaleTables } from './embedded-maintenance.ts';

describe('embedded database maintenance', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openEmbeddedDatabase(undefined);
    await migrateDatabase(database);
  });
  afterAll(async () => database?.close());

  it('analyses a table after a bulk load so that the planner knows its size, then leaves it alone', async () => {
    await database.sql.executeSql(
      `INSERT INTO tenants (id, slug, name)
       SELECT gen_random_uuid(), 'tenant-' || i, 'Institution ' || i FROM generate_series(1, 5000) i`,
      [],
    );
    const analysed = await analyseStaleTables(database);
    expect(analysed).toContain('tenants');
    const { rows } = await database.sql.executeSql(
      `SELECT reltuples::int AS estimate FROM pg_class WHERE relname = 'tenants'`,
      [],
    );
    expect(Number(rows[0].estimate)).toBe(5000);
    expect(await analyseStaleTables(database)).not.toContain('tenants');
  });
});
