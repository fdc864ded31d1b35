import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { freshServerDatabaseUrl, startServer } from '../../e2e/support/server.ts';

// Real processes and every route × every role: slow on a loaded two-core machine.
vi.setConfig({ testTimeout: 300_000 });

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

function parterre(args: string[], env: Record<string, string> = {}) {
  return run('node', ['server/bin/parterre.js', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );
}

describe('the parterre command', () => {
  it('prints help for itself and for every command', async () => {
    const general = await parterre(['--help']);
    expect(general.code).toBe(0);
    const commands = [...general.stdout.matchAll(/^ {2}([a-z]+(?: [a-z]+)?) /gm)].map((m) =>
      m[1].split(' ').filter((w) => /^[a-z]+$/.test(w)),
    );
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const words of commands) {
      const help = await parterre([...words.filter((w) => w !== 'N'), '--help']);
      expect(help.code, words.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage : parterre');
    }
  });

  it('refuses an unknown command and a bad option with exit code 2 and a French message', async () => {
    const unknown = await parterre(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Commande inconnue');
    const badPort = await parterre(['serve', '--port', 'abc']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port');
  });

  it('refuses an invalid environment with a clear message', async () => {
    const result = await parterre(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
  });
});

describe(
  process.env.TEST_DATABASE_URL
    ? 'two processes on one PostgreSQL database'
    : 'two processes on one embedded directory',
  () => {
    if (process.env.TEST_DATABASE_URL) {
      it('applies each migration exactly once when two processes migrate at the same moment', async () => {
        const url = (await freshServerDatabaseUrl())!;
        const results = await Promise.all([
          parterre(['migrate'], { DATABASE_URL: url }),
          parterre(['migrate'], { DATABASE_URL: url }),
        ]);
        expect(results.map((r) => r.code)).toEqual([0, 0]);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const { rows } = await client.query(
          'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash having count(*) > 1',
        );
        const total = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
        await client.end();
        expect(rows).toEqual([]);
        expect(total.rows[0].n).toBeGreaterThan(0);
      });
    } else {
      it('refuses a second process while a server holds the directory, naming the holder', async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-lock-'));
        const server = await startServer({ dataDir, databaseUrl: null });
        try {
          const second = await parterre(['migrate', '--data', dataDir]);
          expect(second.code).toBe(1);
          expect(second.stderr).toContain(`utilisée par le processus ${server.process.pid}`);
        } finally {
          expect(await server.stop('SIGTERM')).toBe(0);
        }
        const afterStop = await parterre(['migrate', '--data', dataDir]);
        expect(afterStop.code).toBe(0);
      });
    }
  },
);

describe('graceful shutdown', () => {
  it('stops on SIGTERM with exit code 0 and leaves the embedded database reopenable', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-term-'));
    const server = await startServer({ dataDir, databaseUrl: null, env: { LOG_LEVEL: 'info' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('arrêt propre');
    const child = spawn('node', ['server/bin/parterre.js', 'migrate', '--data', dataDir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });
});
