import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { count, multipart, tableCounts, venueFixture } from './import-test-data.ts';

describe('file imports over HTTP', () => {
  let t: TestApp;
  let agent: TestUser;
  let reader: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    reader = await buildUser(t, { roles: ['lecteur'] });
  });
  afterAll(async () => t?.close());

  async function upload(file: Buffer, fields: Record<string, string>, user = agent) {
    const body = multipart(file, 'export.csv', fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...user.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  async function importAndWait(file: Buffer, fields: Record<string, string>) {
    const response = await upload(file, fields);
    expect(response.statusCode, response.body).toBe(202);
    const { importId, jobId } = response.json();
    for (let i = 0; i < 600; i++) {
      const state = await t.app.inject({
        method: 'GET',
        url: `/api/v1/imports/${importId}`,
        headers: agent.headers,
      });
      const body = state.json();
      if (['succeeded', 'failed', 'cancelled'].includes(body.status)) {
        expect(body.jobId).toBe(jobId);
        return body;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('import did not finish');
  }

  it('previews a Windows-1252 file and suggests its preset', async () => {
    const body = multipart(venueFixture, 'export.csv');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/preview',
      headers: { ...agent.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.format).toEqual({ kind: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(preview.headers[0]).toBe('Numero billet');
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0].values.Nom).toBe('Lefèvre');
    expect(preview.suggestedPreset).toBe('french-venue');
  });

  it('refuses readers, an unknown preset and a mapping naming a missing column', async () => {
    expect((await upload(venueFixture, { preset: 'french-venue' }, reader)).statusCode).toBe(403);
    const unknown = await upload(venueFixture, { preset: 'weezevent' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('intake.unknown_preset');
    const mapping = JSON.stringify({
      source: 'custom',
      columns: {
        Reservation: 'order.externalId',
        'Date reservation': 'order.date',
        Courriel: 'person.email',
      },
    });
    const bad = await upload(venueFixture, { mapping });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('intake.bad_mapping');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('Courriel');
    expect(await count(t, 'imports')).toBe(0);
  });

  it('computes the counts of a dry run without writing anything', async () => {
    const summary = await importAndWait(venueFixture, { preset: 'french-venue', dryRun: 'true' });
    expect(summary.status).toBe('succeeded');
    expect(summary.counts).toEqual({
      rows: 29,
      created: 23,
      updated: 0,
      unchanged: 0,
      merged: 0,
      rejected: 2,
    });
    expect(await tableCounts(t)).toEqual({ orders: 0, lines: 0, people: 0 });
  });

  it('imports the French-venue export, then finds everything unchanged on a second pass', async () => {
    const first = await importAndWait(venueFixture, { preset: 'french-venue', dedupe: 'off' });
    expect(first.status).toBe('succeeded');
    expect(first.counts).toEqual({ rows: 29, created: 23, updated: 0, unchanged: 0, merged: 0, rejected: 2 });
    expect(first.committedRows).toBe(30);
    expect(first.rejectedRows.map((r: { row: number }) => r.row)).toEqual([28, 29]);
    expect(first.rejectedRows[0].reason).toContain('Date illisible « 31/02/2024 »');
    expect(first.rejectedRows[1].reason).toContain('Ni nom, ni e-mail');
    expect(first.rejectedRows[0].data['Numero billet']).toBe('B1026');
    // Ten buyers with an e-mail and Ève Lebœuf, known by name only.
    expect(await tableCounts(t)).toEqual({ orders: 23, lines: 27, people: 11 });

    const second = await importAndWait(venueFixture, { preset: 'french-venue' });
    expect(second.counts).toEqual({
      rows: 29,
      created: 0,
      updated: 0,
      unchanged: 23,
      merged: 0,
      rejected: 2,
    });
    expect(await tableCounts(t)).toEqual({ orders: 23, lines: 27, people: 11 });

    const text = iconv.decode(venueFixture, 'windows-1252').replace(/^(B1015;.*?);32,50;/m, '$1;35,00;');
    const changed = await importAndWait(iconv.encode(text, 'windows-1252'), { preset: 'french-venue' });
    expect(changed.counts).toEqual({
      rows: 29,
      created: 0,
      updated: 1,
      unchanged: 22,
      merged: 0,
      rejected: 2,
    });
    expect(await tableCounts(t)).toEqual({ orders: 23, lines: 27, people: 11 });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: agent.headers });
    expect(list.json().items).toHaveLength(4);
  });

  it('serves the rejected rows as a CSV safe to open in a spreadsheet', async () => {
    const file = Buffer.from('Reservation;Nom;Date\n=HYPERLINK("x");+1+1;31/02/2024\nR2;Martin;01/02/2024\n');
    const mapping = JSON.stringify({
      source: 'custom',
      columns: {
        Reservation: 'order.externalId',
        Nom: 'person.lastName',
        Date: { target: 'order.date', format: 'dd/MM/yyyy' },
      },
    });
    const summary = await importAndWait(file, { mapping });
    expect(summary.counts.rejected).toBe(1);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${summary.importId}/rejections.csv`,
      headers: agent.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Ligne;Motif;Reservation;Nom;Date');
    expect(lines[1]).toMatch(/^2;"?Date : Date illisible/);
    expect(lines[1]).toContain(`;"'=HYPERLINK(""x"")";'+1+1;31/02/2024`);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/imports/01a20549-0000-7000-8000-000000000000/rejections.csv',
      headers: agent.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists shipped presets and saves one for the institution', async () => {
    const mapping = { source: 'maison', columns: { Reservation: 'order.externalId', Date: 'order.date' } };
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/presets',
      headers: agent.headers,
      payload: { name: 'Maison', mapping },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/intake/presets', headers: agent.headers });
    const names = list.json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['french-venue', 'billetweb', 'Maison']));
    const file = Buffer.from('Reservation;Date\nR9;01/02/2024\n');
    const summary = await importAndWait(file, { preset: 'Maison' });
    expect(summary.status).toBe('succeeded');
  });

  it('tells who imported, how fast, and estimates the rows and time left of a running import', async () => {
    // Fixed-width rows over 64 KiB: the estimate extrapolates the head of the file.
    const rows = Array.from({ length: 4000 }, (_, i) => `R${String(i).padStart(4, '0')};Martin;31/02/2024`);
    const file = Buffer.from(`Reservation;Nom;Date\n${rows.join('\n')}\n`);
    const mapping = JSON.stringify({
      source: 'custom',
      columns: { Reservation: 'order.externalId', Nom: 'person.lastName', Date: 'order.date' },
    });
    const done = await importAndWait(file, { mapping, dryRun: 'true' });
    expect(done.counts.rejected).toBe(4000);
    expect(done.createdBy).toBe(agent.id);
    expect(done.startedAt).not.toBeNull();
    expect(done.progress.estimatedRows).toBe(4000);
    expect(done.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(done.progress.etaSeconds).toBeNull();

    // Back to the state of a run ten seconds in, a quarter of the way through.
    await t.database.sql.executeSql(
      `UPDATE job_runs SET status = 'running', finished_at = NULL, started_at = now() - interval '10 seconds' WHERE id = $1`,
      [done.jobId],
    );
    await t.database.sql.executeSql(
      `UPDATE imports SET status = 'running', finished_at = NULL, counts = jsonb_set(counts, '{rows}', '1000') WHERE id = $1`,
      [done.importId],
    );
    const running = (
      await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.importId}`, headers: agent.headers })
    ).json();
    expect(running.status).toBe('running');
    expect(Math.abs(running.progress.estimatedRows - 4000)).toBeLessThanOrEqual(40);
    expect(running.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(running.progress.rowsPerSecond).toBeLessThanOrEqual(100);
    expect(running.progress.etaSeconds * running.progress.rowsPerSecond).toBeCloseTo(
      running.progress.estimatedRows - 1000,
    );
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: agent.headers });
    const listed = list.json().items.find((i: { importId: string }) => i.importId === done.importId);
    expect(listed.createdBy).toBe(agent.id);
  });

  it('replaces a preset saved again under its name, deletes it with an audit entry, then answers 404', async () => {
    const mapping = { source: 'brouillon', columns: { Reservation: 'order.externalId' } };
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/presets',
      headers: agent.headers,
      payload: { name: 'Brouillon', mapping },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/presets',
      headers: agent.headers,
      payload: { name: 'Brouillon', mapping: { ...mapping, source: 'brouillon-2' } },
    });
    expect(again.statusCode).toBe(201);
    const named = (
      await t.app.inject({ method: 'GET', url: '/api/v1/intake/presets', headers: agent.headers })
    )
      .json()
      .items.filter((p: { name: string }) => p.name === 'Brouillon');
    expect(named.map((p: { source: string }) => p.source)).toEqual(['brouillon-2']);
    expect(saved.json().id).not.toBe(again.json().id);
    const { id } = again.json();
    const remove = () =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/intake/presets/${id}`, headers: agent.headers });
    expect((await remove()).statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/intake/presets', headers: agent.headers });
    expect(list.json().items.map((p: { name: string }) => p.name)).not.toContain('Brouillon');
    const missing = await remove();
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('common.not_found');
    const { rows } = await t.database.sql.executeSql(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['intake.preset.saved', 'intake.preset.deleted']);
  });
});
