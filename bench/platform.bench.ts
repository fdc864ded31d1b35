import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startServer } from '../e2e/support/server.ts';
import { load, parterreCli, rssMb, startBareServer } from './support.ts';

/** Issue "Platform foundation": cold start, and an authenticated API route against a bare Fastify route. */
export const platformBenchmark = {
  name: 'platform',
  description: 'cold start; throughput of an authenticated route vs a bare Fastify route',
  async run() {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-bench-'));
    const env = { DATABASE_URL: '' };

    let started = Date.now();
    let server = await startServer({ dataDir, databaseUrl: null });
    const firstStartMs = Date.now() - started;
    await server.stop();
    started = Date.now();
    server = await startServer({ dataDir, databaseUrl: null });
    const warmStartMs = Date.now() - started;
    await server.stop();

    await parterreCli(
      [
        'admin',
        'create',
        '--email',
        'bench@parterre.test',
        '--password',
        'bench-password-123',
        '--data',
        dataDir,
      ],
      env,
    );
    const token = await parterreCli(
      ['token', 'create', '--email', 'bench@parterre.test', '--data', dataDir],
      env,
    );
    server = await startServer({ dataDir, databaseUrl: null });
    const barePort = await freePort();
    const bare = await startBareServer(barePort);
    try {
      const auth = { authorization: `Bearer ${token}` };
      await load(`${server.url}/api/v1/auth/me`, auth, 2);
      await load(`http://127.0.0.1:${barePort}/bare`, {}, 2);
      const bareLoad = await load(`http://127.0.0.1:${barePort}/bare`);
      const healthLoad = await load(`${server.url}/api/health`);
      const authenticatedLoad = await load(`${server.url}/api/v1/auth/me`, auth);
      return {
        coldStartMs: { firstStartWithMigrations: firstStartMs, restartOnExistingData: warmStartMs },
        bareFastify: bareLoad,
        health: healthLoad,
        authenticatedMe: authenticatedLoad,
        authenticatedVsBareRatio: Number(
          (authenticatedLoad.requestsPerSecond / bareLoad.requestsPerSecond).toFixed(3),
        ),
        serverRssMb: rssMb(server.process.pid!),
      };
    } finally {
      bare.kill();
      await server.stop();
    }
  },
};
