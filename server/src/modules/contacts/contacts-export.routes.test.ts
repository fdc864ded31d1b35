import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildCustomField, buildPerson, createContactsTestApp } from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { auditLog } from '../../platform/platform.tables.ts';

async function waitForJob(t: TestApp, user: TestUser, jobId: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: user.headers })
    ).json();
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('job did not finish');
}

describe('POST /api/v1/contacts:export', () => {
  let t: TestApp;
  let manager: TestUser;
  let agent: TestUser;
  let admin: TestUser;

  const requestExport = (user: TestUser, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/contacts:export', payload, headers: user.headers });
  const download = (user: TestUser, jobId: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/exports/${jobId}/download`, headers: user.headers });

  beforeAll(async () => {
    t = await createContactsTestApp();
    manager = await buildUser(t, { roles: ['responsable'] });
    agent = await buildUser(t, { roles: ['agent'] });
    admin = await buildUser(t, { roles: ['administrateur'] });
    await buildCustomField(t, { key: 'abonne', label: 'Abonné', type: 'boolean' });
    await buildPerson(t, {
      firstName: 'Éloïse',
      lastName: 'Arnaud',
      emails: ['eloise@exemple.fr'],
      phones: ['06 12 34 56 78'],
      postalCode: '69003',
      city: 'Lyon; Part-Dieu',
      tags: ['abonne', 'vip'],
      customFields: { abonne: true },
    });
    await buildPerson(t, {
      firstName: '=HYPERLINK("http://x.example","clic")',
      lastName: 'Bernard',
      city: '@SUM(A1)',
    });
    await buildPerson(t, { firstName: 'Hors', lastName: 'Filtre', tags: ['autre'] });
  });
  afterAll(async () => t?.close());

  const filter = { all: [{ field: 'tags', op: 'isEmpty' }] };
  const columns = ['lastName', 'firstName', 'email', 'phone', 'city', 'tags', 'customFields.abonne'];

  it('writes a UTF-8 CSV with BOM, French headers, the chosen delimiter and neutralised formulas', async () => {
    const response = await requestExport(manager, {
      format: 'csv',
      delimiter: ';',
      columns,
      filter: { all: [{ field: 'lastName', op: 'in', value: ['Arnaud', 'Bernard'] }] },
    });
    expect(response.statusCode, response.body).toBe(202);
    const { jobId } = response.json();
    const job = await waitForJob(t, manager, jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 2 }, progress: { done: 2, total: 2 } });
    expect(existsSync(path.join(t.context.config.dataDir, 'exports', `${jobId}.csv`))).toBe(true);

    const file = await download(manager, jobId);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="contacts-.*\.csv"/);
    const body = file.rawPayload.toString('utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Nom;Prénom;E-mail;Téléphone;Ville;Étiquettes;Abonné');
    expect(lines[1]).toBe('Arnaud;Éloïse;eloise@exemple.fr;06 12 34 56 78;"Lyon; Part-Dieu";abonne, vip;oui');
    expect(lines[2]).toBe(`Bernard;"'=HYPERLINK(""http://x.example"",""clic"")";;;'@SUM(A1);;`);

    const [access] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.export'), eq(auditLog.actorId, manager.id)));
    expect(access.after).toMatchObject({ jobId, rows: 2, format: 'csv' });
  });

  it('writes an XLSX that exceljs reads back', async () => {
    const response = await requestExport(manager, { format: 'xlsx', columns, filter });
    const { jobId } = response.json();
    expect((await waitForJob(t, manager, jobId)).status).toBe('succeeded');
    const file = await download(manager, jobId);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual([
      'Nom',
      'Prénom',
      'E-mail',
      'Téléphone',
      'Ville',
      'Étiquettes',
      'Abonné',
    ]);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['Bernard']);
  });

  it('lets only the creator or admin.jobs download, and only exporters ask', async () => {
    const { jobId } = (await requestExport(manager, { format: 'csv', columns: ['lastName'], filter })).json();
    await waitForJob(t, manager, jobId);
    expect((await requestExport(agent, { format: 'csv', columns: ['lastName'], filter })).statusCode).toBe(
      403,
    );
    const other = await buildUser(t, { roles: ['responsable'] });
    expect((await download(other, jobId)).statusCode).toBe(404);
    expect((await download(admin, jobId)).statusCode).toBe(200);
  });

  it('refuses an unknown column', async () => {
    const response = await requestExport(manager, {
      format: 'csv',
      columns: ['customFields.inconnu'],
      filter,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('exports.unknown_column');
  });
});
