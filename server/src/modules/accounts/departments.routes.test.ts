import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditLog } from '../../platform/platform.tables.ts';

describe('departments API', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
  });
  afterAll(async () => t?.close());

  const create = (payload: object, headers = admin.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/departments', headers, payload });

  it('lists the seeded departments to any signed-in user, sorted by name, page by page', async () => {
    const reader = await buildUser(t, { roles: [] });
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments?limit=5',
      headers: reader.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toHaveLength(5);
    const rest = await t.app.inject({
      method: 'GET',
      url: `/api/v1/departments?limit=50&cursor=${first.json().nextCursor}`,
      headers: reader.headers,
    });
    const names = [...first.json().data, ...rest.json().data].map((d: { name: string }) => d.name);
    expect(names).toHaveLength(9);
    expect(names).toContain('Billetterie');
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('creates a department, with audit, and refuses a duplicate code with 409', async () => {
    const response = await create({ code: 'mediation', name: 'Médiation', description: 'Publics scolaires' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'mediation', name: 'Médiation', version: 1 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'department.created'), eq(auditLog.entityId, response.json().id)));
    expect(audit.actorId).toBe(admin.id);
    const duplicate = await create({ code: 'mediation', name: 'Autre' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('departments.code_taken');
  });

  it('refuses a malformed code with a field error', async () => {
    const response = await create({ code: 'Avec Espaces', name: '' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.code', 'body.name']);
  });

  it('updates with If-Match and refuses a stale update with 412', async () => {
    const created = (await create({ code: 'accueil', name: 'Accueil' })).json();
    const url = `/api/v1/departments/${created.id}`;
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { name: 'Accueil du public', description: null },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ name: 'Accueil du public', code: 'accueil', version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { name: 'Trop tard' },
    });
    expect(stale.statusCode).toBe(412);
    const missing = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { name: 'x' },
    });
    expect(missing.statusCode).toBe(428);
    const taken = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"2"' },
      payload: { code: 'billetterie' },
    });
    expect(taken.json().code).toBe('departments.code_taken');
  });

  it('deletes an unused department and refuses one with members with 409 departments.in_use', async () => {
    const unused = (await create({ code: 'ephemere', name: 'Éphémère' })).json();
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/departments/${unused.id}`,
      headers: admin.headers,
    });
    expect(deleted.statusCode).toBe(204);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/departments/${unused.id}`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);

    const used = (await create({ code: 'occupe', name: 'Occupé' })).json();
    await buildUser(t, { departments: ['occupe'] });
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/departments/${used.id}`,
      headers: admin.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('departments.in_use');
  });

  it('refuses changes without admin.departments with 403', async () => {
    const responsable = await buildUser(t, { roles: ['responsable'] });
    const response = await create({ code: 'interdit', name: 'Interdit' }, responsable.headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('common.forbidden');
  });
});
