import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFromCookies } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('first-run setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('reports that setup is needed on a fresh instance', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/setup/status' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ needsSetup: true });
  });

  it('refuses a too short password with a field error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'admin@theatre.fr', name: 'Admin', password: 'court' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'common.validation' });
    expect(response.json().errors[0].path).toBe('body.password');
  });

  it('creates the first administrator, in direction and informatique, and signs them in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: '  Admin@Theatre.FR ', name: 'Camille Admin', password: 'un mot de passe solide' },
    });
    expect(response.statusCode).toBe(201);
    const { user } = response.json();
    expect(user).toMatchObject({ email: 'admin@theatre.fr', name: 'Camille Admin', mustEnrolTotp: false });
    expect(user.permissions).toContain('admin.users');
    expect(user.departmentIds).toHaveLength(2);
    const cookie = response.cookies.find((c) => c.name === 'parterre_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const session = await sessionFromCookies(t, response.cookies);
    const departments = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments',
      headers: session.headers,
    });
    const codes = departments
      .json()
      .data.filter((d: { id: string }) => user.departmentIds.includes(d.id))
      .map((d: { code: string }) => d.code);
    expect(codes.sort()).toEqual(['direction', 'informatique']);
  });

  it('refuses a second setup with 409 setup.already_done', async () => {
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/setup/status' });
    expect(status.json()).toEqual({ needsSetup: false });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'intrus@exemple.fr', name: 'Intrus', password: 'un autre mot de passe' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('setup.already_done');
  });
});
