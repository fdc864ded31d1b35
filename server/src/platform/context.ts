import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { JobRunner } from './jobs.ts';
import type { Mailer } from './mail.ts';

/** What services are built from: created once per process and shared by every request and job. */
export type AppContext = {
  config: Config;
  database: Database;
  jobs: JobRunner;
  mailer: Mailer;
  logger: Logger;
  defaultTenantId: string;
};
