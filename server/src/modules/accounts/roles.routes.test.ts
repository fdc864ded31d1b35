import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('roles and permissions API', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
  });
  afterAll(async () => t?.close());

  const create = (payload: object, headers = admin.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/roles', headers, payload });
  const rolesByCode = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/roles?limit=500',
      headers: admin.headers,
    });
    return Object.fromEntries(response.json().data.map((r: { code: string }) => [r.code, r]));
  };

  it('lists the permission catalogue to any signed-in user', async () => {
    const user = await buildUser(t, { roles: [] });
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/permissions', headers: user.headers });
    expect(response.statusCode).toBe(200);
    const codes = response.json().data.map((p: { code: string }) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'admin.users',
        'admin.audit',
        'admin.outbox',
        'tokens.manage_own',
        'admin.all_departments',
      ]),
    );
    expect(response.json().data[0]).toEqual({
      code: expect.any(String),
      group: expect.any(String),
      labelFr: expect.any(String),
      labelEn: expect.any(String),
    });
  });

  it('lists built-in roles computed from the catalogue', async () => {
    const roles = await rolesByCode();
    expect(roles.administrateur).toMatchObject({ builtIn: true });
    expect(roles.administrateur.permissions).toContain('admin.audit');
    expect(roles.responsable.permissions).not.toContain('admin.audit');
    expect(roles.responsable.permissions).toContain('tokens.manage_own');
    expect(roles.agent.permissions).toContain('tokens.manage_own');
    expect(roles.lecteur.permissions).not.toContain('tokens.manage_own');
    expect(roles.lecteur.permissions).not.toContain('admin.audit');
  });

  it('creates a custom role, such as a DPO reading the audit trail', async () => {
    const response = await create({
      code: 'dpo',
      name: 'Délégué à la protection des données',
      permissions: ['admin.audit', 'admin.access', 'admin.audit'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      code: 'dpo',
      builtIn: false,
      permissions: ['admin.audit', 'admin.access'],
    });
    const dpo = await buildUser(t, { roles: ['dpo'] });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: dpo.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: dpo.headers })).statusCode,
    ).toBe(403);
    expect((await create({ code: 'dpo', name: 'Encore', permissions: [] })).json().code).toBe(
      'roles.code_taken',
    );
  });

  it('refuses an unknown permission with a field error', async () => {
    const response = await create({
      code: 'bizarre',
      name: 'Bizarre',
      permissions: ['admin.users', 'voler.tout'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'roles.unknown_permission',
      errors: [{ path: 'body.permissions.1' }],
    });
    expect(response.json().errors[0].message).toContain('voler.tout');
  });

  it('updates a custom role with If-Match, refusing stale versions', async () => {
    const role = (await create({ code: 'billetterie-plus', name: 'Billetterie+', permissions: [] })).json();
    const url = `/api/v1/roles/${role.id}`;
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { name: 'Billetterie étendue', permissions: ['admin.access'] },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Billetterie étendue',
      permissions: ['admin.access'],
      version: 2,
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { name: 'x' },
    });
    expect(stale.statusCode).toBe(412);
  });

  it('keeps built-in roles read-only with 409 roles.built_in', async () => {
    const { agent } = await rolesByCode();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/roles/${agent.id}`,
      headers: { ...admin.headers, 'if-match': `"${agent.version}"` },
      payload: { permissions: [] },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('roles.built_in');
    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/roles/${agent.id}`,
      headers: admin.headers,
    });
    expect(remove.json().code).toBe('roles.built_in');
  });

  it('deletes an unused custom role and refuses one in use with 409 roles.in_use', async () => {
    const unused = (await create({ code: 'temporaire', name: 'Temporaire', permissions: [] })).json();
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/roles/${unused.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(204);
    const used = (await create({ code: 'occupe', name: 'Occupé', permissions: [] })).json();
    await buildUser(t, { roles: ['occupe'] });
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/roles/${used.id}`,
      headers: admin.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('roles.in_use');
  });

  it('does not let a role editor give permissions they lack', async () => {
    await create({ code: 'editeur-roles', name: 'Éditeur de rôles', permissions: ['admin.roles'] });
    const editor = await buildUser(t, { roles: ['editeur-roles'] });
    const response = await create(
      { code: 'tout', name: 'Tout', permissions: ['admin.users'] },
      editor.headers,
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('roles.cannot_grant');
  });

  it('refuses role changes without admin.roles with 403', async () => {
    const responsable = await buildUser(t, { roles: ['responsable'] });
    const response = await create(
      { code: 'interdit', name: 'Interdit', permissions: [] },
      responsable.headers,
    );
    expect(response.statusCode).toBe(403);
  });
});
