import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditLog, outboxEvents } from '../../platform/platform.tables.ts';
import { departments, roles, sessions } from './accounts.tables.ts';

describe('users API', () => {
  let t: TestApp;
  let admin: TestUser;
  let roleIds: Record<string, string>;
  let departmentIds: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'], name: 'Alice Admin' });
    const roleRows = await t.database.db.select().from(roles);
    roleIds = Object.fromEntries(roleRows.map((r) => [r.code, r.id]));
    const departmentRows = await t.database.db.select().from(departments);
    departmentIds = Object.fromEntries(departmentRows.map((d) => [d.code, d.id]));
  });
  afterAll(async () => t?.close());

  const create = (payload: object, headers = admin.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload });
  const patch = (id: string, version: number | null, payload: object, headers = admin.headers) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: version === null ? headers : { ...headers, 'if-match': `"${version}"` },
      payload,
    });

  it('creates a user with roles and departments, normalising the email', async () => {
    const response = await create({
      email: '  Jeanne.Martin@Theatre.FR ',
      name: 'Jeanne Martin',
      password: 'une phrase de passe solide',
      roleIds: [roleIds.agent],
      departmentIds: [departmentIds.billetterie],
      locale: 'en',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const user = response.json();
    expect(user).toMatchObject({
      email: 'jeanne.martin@theatre.fr',
      name: 'Jeanne Martin',
      locale: 'en',
      status: 'active',
      roleIds: [roleIds.agent],
      departmentIds: [departmentIds.billetterie],
      totpEnabled: false,
      lastLoginAt: null,
      version: 1,
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.created'), eq(auditLog.entityId, user.id)));
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain('une phrase de passe solide');
    const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.entityId, user.id));
    expect(events.map((e) => e.type)).toContain('user.created');
    await signIn(t, { email: 'jeanne.martin@theatre.fr', password: 'une phrase de passe solide' });
  });

  it('refuses a duplicate email with 409 users.email_taken', async () => {
    const payload = { email: 'doublon@theatre.fr', name: 'Doublon', roleIds: [], departmentIds: [] };
    expect((await create(payload)).statusCode).toBe(201);
    const again = await create({ ...payload, email: 'DOUBLON@theatre.fr' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('users.email_taken');
  });

  it('refuses bad input with a 400 problem listing the fields', async () => {
    const response = await create({ email: 'pas-un-email', name: '', password: 'court', roleIds: ['x'] });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.email',
        'body.name',
        'body.password',
        'body.roleIds.0',
        'body.departmentIds',
      ]),
    );
  });

  it('refuses unknown roles and departments with field errors', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    const response = await create({
      email: 'inconnu-ref@theatre.fr',
      name: 'Réf',
      roleIds: [roleIds.agent, unknown],
      departmentIds: [unknown],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('users.unknown_reference');
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.roleIds.1',
      'body.departmentIds.0',
    ]);
  });

  it('lists users with search and cursor pagination', async () => {
    for (const [email, name] of [
      ['zoe@pagination.fr', 'Zoé Pagination'],
      ['zacharie@pagination.fr', 'Zacharie Pagination'],
      ['zelie@pagination.fr', 'Zélie Pagination'],
    ]) {
      expect((await create({ email, name, roleIds: [], departmentIds: [] })).statusCode).toBe(201);
    }
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=pagination&limit=2',
      headers: admin.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toHaveLength(2);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=pagination&limit=2&cursor=${first.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(second.json().data).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
    const names = [...first.json().data, ...second.json().data].map((u: { name: string }) => u.name);
    expect(new Set(names).size).toBe(3);
    const byEmail = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=ZOE@PAG',
      headers: admin.headers,
    });
    expect(byEmail.json().data.map((u: { name: string }) => u.name)).toEqual(['Zoé Pagination']);
    const badCursor = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?cursor=%%%',
      headers: admin.headers,
    });
    expect(badCursor.statusCode).toBe(400);
  });

  it('reads one user with its ETag, 404 for an unknown id, 400 for a malformed one', async () => {
    const created = (
      await create({ email: 'lecture@theatre.fr', name: 'Lecture', roleIds: [], departmentIds: [] })
    ).json();
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${created.id}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/01900000-0000-7000-8000-000000000000',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('users.not_found');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/users/abc', headers: admin.headers });
    expect(malformed.statusCode).toBe(400);
  });

  it('updates with If-Match, refuses a stale update with 412 and a missing If-Match with 428', async () => {
    const created = (
      await create({ email: 'maj@theatre.fr', name: 'Avant', roleIds: [], departmentIds: [] })
    ).json();
    const missing = await patch(created.id, null, { name: 'Après' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('common.precondition_required');
    const updated = await patch(created.id, 1, {
      name: 'Après',
      roleIds: [roleIds.lecteur],
      departmentIds: [departmentIds.mecenat],
      reason: 'Arrivée au mécénat',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ name: 'Après', roleIds: [roleIds.lecteur], version: 2 });
    const stale = await patch(created.id, 1, { name: 'Trop tard' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('common.stale');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.updated'), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({
      reason: 'Arrivée au mécénat',
      before: { name: 'Avant' },
      after: { name: 'Après' },
    });
  });

  it('signs a disabled user out and refuses their tokens', async () => {
    const user = await buildUser(t, { password: 'une phrase de passe solide' });
    const session = await signIn(t, { email: user.email, password: 'une phrase de passe solide' });
    const current = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
    });
    const response = await patch(user.id, current.json().version, { status: 'disabled' });
    expect(response.statusCode).toBe(200);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: user.headers })).statusCode,
    ).toBe(401);
  });

  it('refuses to disable or demote the last active administrator with 409 users.last_admin', async () => {
    const fresh = await createTestApp();
    try {
      const only = await buildUser(fresh, { roles: ['administrateur'] });
      const [adminRole] = await fresh.database.db
        .select()
        .from(roles)
        .where(eq(roles.code, 'administrateur'));
      const call = (version: number, payload: object) =>
        fresh.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${only.id}`,
          headers: { ...only.headers, 'if-match': `"${version}"` },
          payload,
        });
      const disable = await call(1, { status: 'disabled' });
      expect(disable.statusCode).toBe(409);
      expect(disable.json().code).toBe('users.last_admin');
      expect((await call(1, { roleIds: [] })).json().code).toBe('users.last_admin');

      const second = await buildUser(fresh, { roles: ['administrateur'] });
      const demoted = await call(1, { roleIds: [] });
      expect(demoted.statusCode).toBe(200);
      const back = await fresh.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${second.id}`,
        headers: { ...second.headers, 'if-match': '"1"' },
        payload: { status: 'disabled' },
      });
      expect(back.json().code).toBe('users.last_admin');
      expect(adminRole.builtIn).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('does not let a custom user manager grant the administrator role', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/roles',
      headers: admin.headers,
      payload: { code: 'gestion-comptes', name: 'Gestion des comptes', permissions: ['admin.users'] },
    });
    const manager = await buildUser(t, { roles: ['gestion-comptes'] });
    const response = await create(
      { email: 'promu@theatre.fr', name: 'Promu', roleIds: [roleIds.administrateur], departmentIds: [] },
      manager.headers,
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('users.cannot_grant');
    const allowed = await create(
      { email: 'simple@theatre.fr', name: 'Simple', roleIds: [], departmentIds: [] },
      manager.headers,
    );
    expect(allowed.statusCode).toBe(201);
  });

  it('refuses users routes without admin.users with 403', async () => {
    const responsable = await buildUser(t, { roles: ['responsable'] });
    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', `/api/v1/users/${admin.id}`],
      ['PATCH', `/api/v1/users/${admin.id}`],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: responsable.headers, payload: {} });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('common.forbidden');
    }
  });

  it('replays a POST with the same Idempotency-Key and refuses the key with another body', async () => {
    const headers = { ...admin.headers, 'idempotency-key': 'creation-42' };
    const payload = { email: 'idem@theatre.fr', name: 'Idem', roleIds: [], departmentIds: [] };
    const first = await create(payload, headers);
    expect(first.statusCode).toBe(201);
    const replay = await create(payload, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const other = await create({ ...payload, email: 'autre@theatre.fr' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('common.idempotency_conflict');
  });
});
