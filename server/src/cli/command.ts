import { type ParseArgsConfig, parseArgs } from 'node:util';

export type CliCommand = {
  /** e.g. `serve`, `admin create`. */
  name: string;
  usage: string;
  description: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run(
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
  ): Promise<number | undefined>;
};

export class CliUsageError extends Error {}

export function parseCommandArgs(command: CliCommand, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

export function helpText(command: CliCommand): string {
  const options = Object.entries(command.options)
    .map(([name, option]) => `  --${name}${option.type === 'string' ? ' <valeur>' : ''}`)
    .join('\n');
  return `Usage : parterre ${command.usage}\n\n${command.description}\n${options ? `\nOptions :\n${options}\n` : ''}`;
}

/** Every command accepts `--data DIR` like `serve`, overriding PARTERRE_DATA_DIR. */
export const dataOption = { data: { type: 'string' as const } };
