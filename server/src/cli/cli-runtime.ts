import pino from 'pino';
import type { Config } from '../config.ts';
import { type AppError, errorMessage } from '../platform/errors.ts';
import { type Runtime, startRuntime } from '../runtime.ts';

/**
 * A runtime for one-shot commands: no HTTP, no job handlers, and logs on stderr so that stdout
 * carries only the command's answer (a token secret can be piped).
 */
export function startCommandRuntime(config: Config, command: string): Promise<Runtime> {
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
  return startRuntime(config, { command, http: false, work: false, logger });
}

/** The French message of an AppError, with its field errors. */
export function describeAppError(error: AppError): string {
  const fields = (error.fieldErrors ?? []).map(
    (field) => `  - ${field.path.replace(/^body\./, '')} : ${field.message}`,
  );
  return [errorMessage(error.code, 'fr', error.details), ...fields].join('\n');
}
