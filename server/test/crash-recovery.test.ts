import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/runtime.ts';

// Real processes and every route × every role: slow on a loaded two-core machine.
vi.setConfig({ testTimeout: 300_000 });

const root = path.resolve(import.meta.dirname, '../..');

describe('embedded database after kill -9', () => {
  it('reopens consistent: every committed transaction is there, whole, and nothing half-written', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-crash-'));
    const child = spawn('node', ['--import', 'tsx', 'server/test/fixtures/crash-writer.ts', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastCommitted = 0;
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const numbers = chunk.toString().trim().split('\n').map(Number);
        lastCommitted = Math.max(lastCommitted, ...numbers);
        if (lastCommitted >= 150) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => (lastCommitted >= 150 ? resolve() : reject(new Error(errors))));
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const config = loadConfig(
      { SESSION_SECRET: 'crash-test-secret-crash-test-secret-0000', DATABASE_URL: '' },
      { dataDir },
    );
    const { database, release } = await openDatabase(config, 'verify');
    try {
      const settingsCount = await database.sql.executeSql(
        "select count(*)::int as n from settings where key like 'crash-%'",
      );
      const auditCount = await database.sql.executeSql(
        "select count(*)::int as n from audit_log where action = 'crash.write'",
      );
      const written = Number(settingsCount.rows[0].n);
      expect(written).toBeGreaterThanOrEqual(lastCommitted);
      expect(Number(auditCount.rows[0].n)).toBe(written);
      const gaps = await database.sql.executeSql(
        `select count(*)::int as n from generate_series(1, $1::int) i
         where not exists (select 1 from settings where key = 'crash-' || i)`,
        [written],
      );
      expect(Number(gaps.rows[0].n)).toBe(0);
    } finally {
      await database.close();
      release();
    }
  });
});
