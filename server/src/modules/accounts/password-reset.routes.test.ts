import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { mailOutbox } from '../../platform/platform.tables.ts';
import { passwordResets, users } from './accounts.tables.ts';

const PASSWORD = 'correct horse battery';
let ipCounter = 0;
const nextIp = () => `10.2.0.${++ipCounter}`;

describe('password reset and invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://crm.theatre.fr' });
  });
  afterAll(async () => t?.close());

  const requestReset = (email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      headers: { 'x-forwarded-for': nextIp() },
      payload: { email },
    });
  const confirm = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      headers: { 'x-forwarded-for': nextIp() },
      payload: { token, password },
    });

  async function lastMailTo(email: string) {
    const [mail] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, email))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(1);
    return mail;
  }
  const tokenOf = (text: string) => new URL(/https:\/\/\S+/.exec(text)![0]).searchParams.get('token')!;

  it('never reveals whether an email exists: 202 and no mail for an unknown address', async () => {
    const response = await requestReset('inconnu@exemple.fr');
    expect(response.statusCode).toBe(202);
    expect(response.body).toBe('');
    expect(await lastMailTo('inconnu@exemple.fr')).toBeUndefined();
  });

  it('mails a one-hour link, sets the new password, lifts the lock and signs out everywhere', async () => {
    const user = await buildUser(t, { password: PASSWORD, name: 'Léa <Régie>' });
    const session = await signIn(t, { email: user.email, password: PASSWORD }, { ip: nextIp() });
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, user.id));

    expect((await requestReset(` ${user.email.toUpperCase()} `)).statusCode).toBe(202);
    const mail = await lastMailTo(user.email);
    expect(mail.subject).toContain('mot de passe');
    expect(mail.text).toContain('https://crm.theatre.fr/password-reset/confirm?token=');
    expect(mail.html).toContain('L&#233;a &#60;R&#233;gie&#62;'.replace(/&#233;/g, 'é'));
    const token = tokenOf(mail.text);
    const [stored] = await t.database.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);

    expect((await confirm(token, 'une phrase de passe neuve')).statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
    await signIn(t, { email: user.email, password: 'une phrase de passe neuve' }, { ip: nextIp() });

    const reused = await confirm(token, 'encore une autre phrase');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('auth.reset_invalid');
  });

  it('refuses an expired or unknown link with 400 auth.reset_invalid', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    await requestReset(user.email);
    const token = tokenOf((await lastMailTo(user.email)).text);
    await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    expect((await confirm(token, 'une phrase de passe neuve')).json().code).toBe('auth.reset_invalid');
    expect((await confirm('inventé', 'une phrase de passe neuve')).json().code).toBe('auth.reset_invalid');
  });

  it('only honours the latest link', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    await requestReset(user.email);
    const first = tokenOf((await lastMailTo(user.email)).text);
    await requestReset(user.email);
    expect((await confirm(first, 'une phrase de passe neuve')).json().code).toBe('auth.reset_invalid');
  });

  it('refuses a short password at confirmation without spending the link', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    await requestReset(user.email);
    const token = tokenOf((await lastMailTo(user.email)).text);
    const short = await confirm(token, 'court');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.password');
    const same = await confirm(token, user.email);
    expect(same.json().code).toBe('auth.weak_password');
    expect((await confirm(token, 'une phrase de passe neuve')).statusCode).toBe(204);
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const user = await buildUser(t, { password: PASSWORD });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': nextIp() },
      payload: { email: user.email, password: PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'parterre_session')).toMatchObject({
      secure: true,
      httpOnly: true,
    });
  });

  it('invites a user created without a password with a seven-day link', async () => {
    const admin = await buildUser(t, { roles: ['administrateur'], name: 'Directrice' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'nouvelle@theatre.fr', name: 'Nouvelle Recrue', roleIds: [], departmentIds: [] },
    });
    expect(created.statusCode).toBe(201);
    const mail = await lastMailTo('nouvelle@theatre.fr');
    expect(mail.subject).toContain('compte');
    expect(mail.text).toContain('Directrice');
    const [stored] = await t.database.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, created.json().id));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3_600_000);
    expect((await confirm(tokenOf(mail.text), 'ma première phrase')).statusCode).toBe(204);
    await signIn(t, { email: 'nouvelle@theatre.fr', password: 'ma première phrase' }, { ip: nextIp() });
  });
});
