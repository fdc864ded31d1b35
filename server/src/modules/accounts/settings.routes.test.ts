import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { sessions } from './accounts.tables.ts';

describe('security settings API', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
  });
  afterAll(async () => t?.close());

  const read = () =>
    t.app.inject({ method: 'GET', url: '/api/v1/settings/security', headers: admin.headers });
  const patch = (etag: string | null, payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: '/api/v1/settings/security',
      headers: etag ? { ...admin.headers, 'if-match': etag } : admin.headers,
      payload,
    });

  it('reads the defaults with version 0 before any change', async () => {
    const response = await read();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      totpRequired: false,
      sessionIdleMinutes: 60,
      sessionAbsoluteHours: 12,
      version: 0,
    });
    expect(response.headers.etag).toBe('"0"');
  });

  it('updates with If-Match, refuses stale and missing versions', async () => {
    expect((await patch(null, { sessionIdleMinutes: 30 })).statusCode).toBe(428);
    const updated = await patch('"0"', { sessionIdleMinutes: 30, reason: 'Recommandation RSSI' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ sessionIdleMinutes: 30, sessionAbsoluteHours: 12, version: 1 });
    expect(updated.headers.etag).toBe('"1"');
    const stale = await patch('"0"', { sessionIdleMinutes: 45 });
    expect(stale.statusCode).toBe(412);
    expect((await read()).json().version).toBe(1);
  });

  it('applies a shorter idle time-out to sessions at once', async () => {
    const current = (await read()).json();
    await patch(`"${current.version}"`, { sessionIdleMinutes: 10 });
    const user = await buildUser(t, { password: 'une phrase de passe solide' });
    const session = await signIn(t, { email: user.email, password: 'une phrase de passe solide' });
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(sessions.userId, user.id));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it('refuses out-of-range values and an idle time-out longer than a session', async () => {
    const current = (await read()).json();
    const invalid = await patch(`"${current.version}"`, {
      sessionIdleMinutes: 1,
      sessionAbsoluteHours: 'douze',
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.sessionAbsoluteHours', 'body.sessionIdleMinutes']);
    const inconsistent = await patch(`"${current.version}"`, {
      sessionIdleMinutes: 600,
      sessionAbsoluteHours: 2,
    });
    expect(inconsistent.statusCode).toBe(400);
    expect(inconsistent.json().errors[0].path).toBe('body.sessionIdleMinutes');
  });

  it('refuses settings to non-administrators with 403', async () => {
    const responsable = await buildUser(t, { roles: ['responsable'] });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/settings/security',
      headers: responsable.headers,
    });
    expect(response.statusCode).toBe(403);
  });
});
