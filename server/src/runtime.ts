import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Database, openEmbeddedDatabase, openServerDatabase } from './db/connection.ts';
import { acquireEmbeddedLock } from './db/embedded-lock.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createAuthenticator } from './modules/accounts/accounts.authenticator.ts';
import { readSessionPolicy } from './modules/accounts/security-settings.ts';
import { modules } from './modules/modules.ts';
import type { AppContext } from './platform/context.ts';
import { startEmbeddedMaintenance } from './platform/embedded-maintenance.ts';
import { JobRunner } from './platform/jobs.ts';
import { Mailer } from './platform/mail.ts';
import { ensureDefaultTenant } from './platform/tenancy.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password'],
  });
}

/** Opens the configured database; the embedded one is locked to this process. */
export async function openDatabase(config: Config, command: string, port: number | null = null) {
  if (config.databaseUrl) {
    return { database: openServerDatabase(config.databaseUrl, config.databaseReadUrl), release: () => {} };
  }
  const release = acquireEmbeddedLock(config.dataDir, command, port);
  try {
    const database = await openEmbeddedDatabase(path.join(config.dataDir, 'pglite'));
    return { database, release };
  } catch (error) {
    release();
    throw error;
  }
}

export type Runtime = {
  context: AppContext;
  app?: FastifyInstance;
  /** Drains HTTP requests, then running jobs, then closes the database. */
  close(): Promise<void>;
};

/** Migrates, seeds, starts the job runner and (with `http`) builds the HTTP app. */
export async function startRuntime(
  config: Config,
  options: { command: string; http: boolean; work: boolean; database?: Database; logger?: Logger },
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  const opened = options.database
    ? { database: options.database, release: () => {} }
    : await openDatabase(config, options.command, options.http ? config.port : null);
  const { database } = opened;
  try {
    await migrateDatabase(database);
    const defaultTenantId = await ensureDefaultTenant(database.db);
    const jobs = new JobRunner(database, logger);
    const mailer = new Mailer(database, logger, config.mailFrom, config.smtpUrl);
    const context: AppContext = { config, database, jobs, mailer, logger, defaultTenantId };
    for (const module of modules) await module.bootstrap?.(context, defaultTenantId);
    jobs.register(modules.flatMap((module) => module.jobs ?? []));
    await jobs.start({ work: options.work });
    const stopMaintenance = options.work ? startEmbeddedMaintenance(database, logger) : () => {};
    const app = options.http
      ? await buildApp({
          context,
          modules,
          authenticator: createAuthenticator(database.db, () =>
            readSessionPolicy(database.db, defaultTenantId),
          ),
          logger: config.logLevel !== 'silent',
        })
      : undefined;
    let closed = false;
    return {
      context,
      app,
      async close() {
        if (closed) return;
        closed = true;
        stopMaintenance();
        await app?.close();
        await jobs.stop();
        mailer.close();
        await database.close();
        opened.release();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    opened.release();
    throw error;
  }
}
