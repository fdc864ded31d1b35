import { loadConfig } from '../config.ts';
import { startRuntime } from '../runtime.ts';
import { type CliCommand, CliUsageError, dataOption } from './command.ts';

/** Stops cleanly on SIGTERM/SIGINT: requests and jobs drain, PGlite is closed. */
export function closeOnSignals(close: () => Promise<void>, log: (message: string) => void): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} reçu : arrêt propre en cours…`);
    close()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N] [--data DIR]',
  description:
    "Sert l'API et le back-office sur http://localhost:PORT. Les tâches de fond tournent dans le même processus.",
  options: { port: { type: 'string' }, ...dataOption, 'no-jobs': { type: 'boolean' } },
  async run(values) {
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw new CliUsageError('--port doit être un nombre entre 1 et 65535');
    }
    const config = loadConfig(process.env, { port, dataDir: values.data as string | undefined });
    const runtime = await startRuntime(config, { command: 'serve', http: true, work: !values['no-jobs'] });
    const app = runtime.app!;
    closeOnSignals(
      () => runtime.close(),
      (message) => app.log.info(message),
    );
    await app.listen({ port: config.port, host: config.host });
    const mode =
      runtime.context.database.kind === 'embedded' ? `base embarquée ${config.dataDir}` : 'PostgreSQL';
    app.log.info(`Parterre prêt sur ${config.publicUrl} (${mode})`);
    return undefined;
  },
};

export const workerCommand: CliCommand = {
  name: 'worker',
  usage: 'worker [--data DIR]',
  description: 'Exécute les tâches de fond seulement (imports, exports, envois…), sans servir HTTP.',
  options: { ...dataOption },
  async run(values) {
    const config = loadConfig(process.env, { dataDir: values.data as string | undefined });
    const runtime = await startRuntime(config, { command: 'worker', http: false, work: true });
    closeOnSignals(
      () => runtime.close(),
      (message) => runtime.context.logger.info(message),
    );
    runtime.context.logger.info('Parterre worker démarré');
    return undefined;
  },
};

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate [--data DIR]',
  description: 'Applique les migrations de la base (elles le sont aussi à chaque démarrage).',
  options: { ...dataOption },
  async run(values) {
    const config = loadConfig(process.env, { dataDir: values.data as string | undefined });
    const runtime = await startRuntime(config, { command: 'migrate', http: false, work: false });
    await runtime.close();
    console.log('Migrations appliquées.');
    return 0;
  },
};
