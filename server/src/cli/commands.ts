import type { CliCommand } from './command.ts';
import { migrateCommand, serveCommand, workerCommand } from './serve.ts';

export const cliCommands: CliCommand[] = [serveCommand, workerCommand, migrateCommand];
