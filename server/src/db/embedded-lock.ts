import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class EmbeddedDatabaseBusyError extends Error {}

type LockContent = { pid: number; command: string; port: number | null; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is a single-process database: two processes writing one directory would corrupt it.
 * The lock names its holder so that the refusal can say what to do.
 */
export function acquireEmbeddedLock(dataDir: string, command: string, port: number | null): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'parterre.lock');
  const content: LockContent = { pid: process.pid, command, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(content), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockContent | null = null;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockContent;
      } catch {
        holder = null;
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        const where = holder.port ? ` (serveur sur le port ${holder.port})` : '';
        throw new EmbeddedDatabaseBusyError(
          `La base embarquée ${dataDir} est utilisée par le processus ${holder.pid} « parterre ${holder.command} »${where}. ` +
            "Arrêtez-le d'abord, passez par son API (jetons d'API, /api/docs), " +
            'ou utilisez un serveur PostgreSQL (DATABASE_URL) pour plusieurs processus.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDatabaseBusyError(`Impossible de verrouiller ${file}.`);
}
