import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createImportService } from '../modules/intake/import.service.ts';
import { AppError } from '../platform/errors.ts';
import { systemScope } from '../platform/scope.ts';
import { startRuntime } from '../runtime.ts';
import { describeAppError } from './cli-runtime.ts';
import { type CliCommand, CliUsageError, dataOption } from './command.ts';

const DEDUPE = ['off', 'review', 'merge'] as const;
const FINISHED = ['succeeded', 'failed', 'cancelled'];

/**
 * Runs a file import in this process (job runner included) and prints only its JSON summary on
 * stdout, so that scripts can read it; logs go to stderr.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import <fichier> (--preset NOM | --mapping FICHIER.json) [--dedupe off|review|merge] [--dry-run] [--data DIR]',
  description:
    'Importe un export de billetterie (CSV ou XLSX) et affiche le bilan en JSON : {importId, jobId, status, counts}. Code de sortie 0 si l’import a réussi, 1 sinon.',
  options: {
    preset: { type: 'string' },
    mapping: { type: 'string' },
    dedupe: { type: 'string' },
    'dry-run': { type: 'boolean' },
    ...dataOption,
  },
  allowPositionals: true,
  async run(values, positionals) {
    if (positionals.length !== 1) throw new CliUsageError('Indiquez un et un seul fichier à importer.');
    const preset = values.preset as string | undefined;
    const mappingFile = values.mapping as string | undefined;
    if (!preset === !mappingFile) throw new CliUsageError('Indiquez soit --preset, soit --mapping.');
    const dedupe = (values.dedupe ?? 'review') as (typeof DEDUPE)[number];
    if (!DEDUPE.includes(dedupe)) throw new CliUsageError('--dedupe vaut off, review ou merge.');
    const file = path.resolve(positionals[0]);
    if (!(await stat(file).catch(() => null))?.isFile())
      throw new CliUsageError(`Fichier introuvable : ${file}`);
    let mapping: string | undefined;
    if (mappingFile) {
      mapping = await readFile(mappingFile, 'utf8').catch(() => {
        throw new CliUsageError(`Fichier de correspondance introuvable : ${mappingFile}`);
      });
    }

    const config = loadConfig(process.env, { dataDir: values.data as string | undefined });
    const logger = pino(
      { level: config.logLevel === 'info' ? 'warn' : config.logLevel },
      pino.destination(2),
    );
    const runtime = await startRuntime(config, { command: 'import', http: false, work: true, logger });
    try {
      const scope = systemScope(runtime.context.defaultTenantId, 'parterre import');
      const imports = createImportService(runtime.context);
      const upload = await imports.receiveFile(scope, {
        fileName: path.basename(file),
        stream: createReadStream(file),
      });
      const started = await imports
        .startImport(scope, {
          upload,
          preset,
          mapping,
          dedupe,
          dryRun: values['dry-run'] === true,
        })
        .catch(async (error) => {
          await imports.discardFile(upload);
          throw error;
        });
      let summary = await imports.getImport(scope, started.importId);
      while (!FINISHED.includes(summary.status)) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        summary = await imports.getImport(scope, started.importId);
      }
      const { importId, jobId, status, counts } = summary;
      process.stdout.write(`${JSON.stringify({ importId, jobId, status, counts })}\n`);
      if (summary.error) process.stderr.write(`${summary.error}\n`);
      return status === 'succeeded' ? 0 : 1;
    } catch (error) {
      if (error instanceof AppError) {
        process.stderr.write(`${describeAppError(error)}\n`);
        return 1;
      }
      throw error;
    } finally {
      await runtime.close();
    }
  },
};
