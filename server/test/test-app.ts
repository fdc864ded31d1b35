import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Database, openEmbeddedDatabase, openServerDatabase } from '../src/db/connection.ts';
import type { AppContext } from '../src/platform/context.ts';
import { startRuntime } from '../src/runtime.ts';

export type TestApp = {
  app: FastifyInstance;
  context: AppContext;
  database: Database;
  close(): Promise<void>;
};

/** A fresh database per test file: in-memory PGlite, or a new database on TEST_DATABASE_URL. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openEmbeddedDatabase(undefined);
    return { database, drop: async () => {} };
  }
  const name = `parterre_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openServerDatabase(url.toString(), undefined, 5);
  return {
    database,
    drop: async () => {
      // Without FORCE: a connection still closing is waited for, never killed under a live client.
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        for (let attempt = 0; attempt < 50; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006') throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** The real application (all modules, job runner included) on a fresh database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-test-'));
  const config = loadConfig(
    { SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789', LOG_LEVEL: 'silent', ...env },
    { dataDir },
  );
  const runtime = await startRuntime(config, { command: 'test', http: true, work: true, database });
  await runtime.app!.ready();
  return {
    app: runtime.app!,
    context: runtime.context,
    database,
    close: async () => {
      await runtime.close();
      await drop();
    },
  };
}
