import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditLog } from '../../platform/platform.tables.ts';
import { sessions, users } from './accounts.tables.ts';

const PASSWORD = 'correct horse battery';
let ipCounter = 0;
/** Each test signs in from its own address, so that the per-IP rate limit never interferes. */
const nextIp = () => `10.0.0.${++ipCounter}`;

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const login = (payload: object, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': ip }, payload });

  it('signs in with a signed httpOnly cookie and describes the user in /auth/me', async () => {
    const user = await buildUser(t, { roles: ['agent'], departments: ['billetterie'], password: PASSWORD });
    const response = await login({ email: user.email.toUpperCase(), password: PASSWORD }, nextIp());
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, email: user.email, totpEnabled: false });
    const cookie = response.cookies.find((c) => c.name === 'parterre_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();

    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.permissions).toContain('tokens.manage_own');
    expect(me.json().user.permissions).not.toContain('admin.users');
    expect(me.json().user.departmentIds).toHaveLength(1);
    expect(me.json().csrfToken).toEqual(expect.any(String));
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.lastLoginAt).not.toBeNull();
  });

  it('refuses a POST with the session cookie but without x-csrf-token with 403 common.csrf', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: session.headers,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('common.csrf');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...session.headers, 'x-csrf-token': 'forged' },
    });
    expect(forged.json().code).toBe('common.csrf');
  });

  it('signs out: the session row is deleted and the cookie no longer works', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: session.mutationHeaders,
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('never reveals whether an email exists', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const unknown = await login({ email: 'personne@nulle-part.fr', password: PASSWORD }, nextIp());
    const wrong = await login({ email: user.email, password: 'mauvais mot de passe' }, nextIp());
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const { instance: _a, ...unknownBody } = unknown.json();
    const { instance: _b, ...wrongBody } = wrong.json();
    expect(unknownBody).toEqual(wrongBody);
    expect(unknownBody.code).toBe('auth.invalid_credentials');
  });

  it('refuses a disabled account with the same generic answer', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    const response = await login({ email: user.email, password: PASSWORD }, nextIp());
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.invalid_credentials');
  });

  it('locks the account after five failed logins, even for the right password', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const ip = nextIp();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await login({ email: user.email, password: `essai raté ${attempt}` }, ip);
      expect(response.json().code).toBe('auth.invalid_credentials');
    }
    const fifth = await login({ email: user.email, password: 'essai raté 5' }, ip);
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    expect(fifth.json().detail).toContain('15 min');
    const right = await login({ email: user.email, password: PASSWORD }, ip);
    expect(right.json().code).toBe('auth.locked');

    // Once the lock has expired, the right password works and the counter starts again.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    const after = await login({ email: user.email, password: PASSWORD }, ip);
    expect(after.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it('records failed and successful sign-ins in the audit trail, never the password', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    await login({ email: user.email, password: 'secret-qui-ne-doit-pas-fuiter' }, nextIp());
    await login({ email: user.email, password: PASSWORD }, nextIp());
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, user.id)));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login']));
    expect(JSON.stringify(rows)).not.toContain('secret-qui-ne-doit-pas-fuiter');
    expect(rows.find((r) => r.action === 'auth.login')?.actorId).toBe(user.id);
  });

  it('rate-limits sign-in attempts per IP with 429 common.rate_limited', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await login({ email: `inconnu${i}@exemple.fr`, password: 'nimporte quoi' }, ip)).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await login({ email: 'inconnu@exemple.fr', password: 'nimporte quoi' }, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('common.rate_limited');
    // Another address is not affected.
    expect((await login({ email: 'inconnu@exemple.fr', password: 'x' }, nextIp())).statusCode).toBe(401);
  });

  it('refuses invalid sign-in input with a 400 problem listing the fields', async () => {
    const response = await login({ email: '', totpCode: '12' }, nextIp());
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.totpCode']));
  });

  it('changes the password, keeps this session and signs out the others', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const current = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    const other = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: current.mutationHeaders,
      payload: { currentPassword: PASSWORD, newPassword: 'un tout nouveau secret' },
    });
    expect(response.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: current.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: other.headers })).statusCode,
    ).toBe(401);
    expect((await login({ email: user.email, password: PASSWORD }, nextIp())).statusCode).toBe(401);
    expect(
      (await login({ email: user.email, password: 'un tout nouveau secret' }, nextIp())).statusCode,
    ).toBe(200);
  });

  it('refuses a wrong current password, a short one, and the email as password', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    const change = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: session.mutationHeaders,
        payload,
      });
    const wrong = await change({
      currentPassword: 'pas le bon du tout',
      newPassword: 'un tout nouveau secret',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'auth.wrong_password',
      errors: [{ path: 'body.currentPassword' }],
    });
    const short = await change({ currentPassword: PASSWORD, newPassword: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.newPassword');
    const email = await change({ currentPassword: PASSWORD, newPassword: user.email });
    expect(email.statusCode).toBe(400);
    expect(email.json()).toMatchObject({
      code: 'auth.weak_password',
      errors: [{ path: 'body.newPassword' }],
    });
  });

  it('closes a session idle for longer than the policy', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(sessions.userId, user.id));
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(response.statusCode).toBe(401);
    expect(response.cookies.find((c) => c.name === 'parterre_session')?.value).toBe('');
  });

  it('keeps an active session alive and closes it after the absolute limit', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 50 * 60_000) })
      .where(eq(sessions.userId, user.id));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(200);
    const [touched] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);

    await t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 13 * 3_600_000) })
      .where(eq(sessions.userId, user.id));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it('describes a token caller with the permissions narrowed by its scopes', async () => {
    const admin = await buildUser(t, { roles: ['administrateur'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'Lecture des services', scopes: ['admin.departments'] },
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${created.json().secret}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.permissions).toEqual(['admin.departments']);
  });

  it('answers 401 to anonymous calls of authenticated routes', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/auth/me'],
      ['POST', '/api/v1/auth/logout'],
      ['POST', '/api/v1/auth/password'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode).toBe(401);
    }
  });
});
