import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { systemScope } from '../../platform/scope.ts';
import { importTuning, runImport } from './import.jobs.ts';
import { findImport, insertImport } from './import.repository.ts';
import { tableCounts, venueFixture } from './import-test-data.ts';
import { getPreset } from './presets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

describe('import job crash safety', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    importTuning.chunkRows = 1000;
    importTuning.afterChunk = undefined;
  });

  it('resumes after a crash between chunks with the totals of a clean import and no duplicate', async () => {
    const scope = systemScope(t.context.defaultTenantId, 'test');
    const directory = mkdtempSync(path.join(tmpdir(), 'parterre-import-'));
    const storedPath = path.join(directory, 'venue.csv');
    // Orders split across chunks must be adjacent (see runImport): the refund joins its order.
    const lines = iconv.decode(venueFixture, 'windows-1252').split('\r\n');
    const refund = lines.findIndex((line) => line.startsWith('B1003-R;'));
    const [moved] = lines.splice(refund, 1);
    lines.splice(lines.findIndex((line) => line.startsWith('B1003;')) + 1, 0, moved);
    writeFileSync(storedPath, iconv.encode(lines.join('\r\n'), 'windows-1252'));
    const importId = newId();
    await insertImport(t.database.db, {
      id: importId,
      tenantId: scope.tenantId,
      jobId: null,
      fileName: 'venue.csv',
      storedPath,
      source: 'french-venue',
      preset: 'french-venue',
      mapping: getPreset('french-venue'),
      dedupe: 'review',
      dryRun: false,
      createdBy: null,
    });
    const job = {
      database: t.database,
      scope,
      reportProgress: async () => {},
      throwIfCancelled: async () => {},
    };
    importTuning.chunkRows = 5;
    importTuning.afterChunk = (chunk) => {
      if (chunk === 2) throw new Error('simulated crash');
    };
    await expect(runImport(job, importId)).rejects.toThrow('simulated crash');
    const crashed = await findImport(t.database.db, scope.tenantId, importId);
    expect(crashed?.committedRows).toBeGreaterThan(5);
    expect(crashed?.counts.created).toBeGreaterThan(0);
    const partial = await tableCounts(t);
    expect(partial.orders).toBeLessThan(23);

    importTuning.afterChunk = undefined;
    const resumed = await runImport(job, importId);
    expect(resumed.counts).toEqual({
      rows: 29,
      created: 23,
      updated: 0,
      unchanged: 0,
      merged: 0,
      rejected: 2,
    });
    expect(await tableCounts(t)).toEqual({ orders: 23, lines: 27, people: 11 });
    const { rows } = await t.database.sql.executeSql(
      'SELECT count(*)::int AS n FROM import_rejections WHERE import_id = $1',
      [importId],
    );
    expect(rows).toEqual([{ n: 2 }]);
  });
});

describe('parterre import', () => {
  it('imports a file in-process and prints only the JSON summary', { timeout: 300_000 }, async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'parterre-cli-import-'));
    const file = path.join(data, 'export.csv');
    writeFileSync(file, venueFixture);
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', PARTERRE_DATA_DIR: data };
    // Embedded database in both test modes: the CLI code path is the same on a server.
    delete env.DATABASE_URL;
    const run = promisify(execFile);
    const bin = path.join(repoRoot, 'server/bin/parterre.js');
    // `--dedupe off`: on a file-backed embedded database the identity check that follows an import
    // can wedge PGlite in pg_trgm (decision 0017); the check itself is tested in people-check.test.ts.
    const { stdout } = await run(
      process.execPath,
      [bin, 'import', file, '--preset', 'french-venue', '--dedupe', 'off'],
      { env },
    );
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual(['importId', 'jobId', 'status', 'counts']);
    expect(summary.status).toBe('succeeded');
    expect(summary.counts.rows).toBe(29);
    expect(summary.counts.rejected).toBe(2);

    const usage = await run(process.execPath, [bin, 'import', file], { env }).catch((error) => error);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--preset');
  });
});
