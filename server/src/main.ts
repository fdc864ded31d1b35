import { type CliCommand, CliUsageError, helpText, parseCommandArgs } from './cli/command.ts';
import { cliCommands } from './cli/commands.ts';
import { ConfigError } from './config.ts';
import { EmbeddedDatabaseBusyError } from './db/embedded-lock.ts';

function findCommand(argv: string[]): { command?: CliCommand; rest: string[] } {
  for (const command of cliCommands) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return { rest: argv };
}

function generalHelp(): string {
  const lines = cliCommands.map((c) => `  ${c.usage.padEnd(58)} ${c.description.split('.')[0]}`);
  return `Parterre — GRC des institutions culturelles\n\nUsage : parterre <commande> [options]\n\n${lines.join('\n')}\n\n« parterre <commande> --help » détaille chaque commande.\n`;
}

async function main(argv: string[]): Promise<number | undefined> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(generalHelp());
    return 0;
  }
  const { command, rest } = findCommand(argv);
  if (!command) {
    process.stderr.write(`Commande inconnue : ${argv.join(' ')}\n\n${generalHelp()}`);
    return 2;
  }
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    process.stdout.write(helpText(command));
    return 0;
  }
  return command.run(values, positionals);
}

main(process.argv.slice(2))
  .then((code) => {
    if (code !== undefined) process.exit(code);
  })
  .catch((error) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n(« parterre --help » pour l'aide)\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError || error instanceof EmbeddedDatabaseBusyError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
