import { adminCreateCommand } from './admin.ts';
import type { CliCommand } from './command.ts';
import { demoCommand } from './demo.ts';
import { importCommand } from './import.ts';
import { migrateCommand, serveCommand, workerCommand } from './serve.ts';
import { tokenCreateCommand } from './token.ts';

export const cliCommands: CliCommand[] = [
  serveCommand,
  workerCommand,
  migrateCommand,
  adminCreateCommand,
  tokenCreateCommand,
  demoCommand,
  importCommand,
];
