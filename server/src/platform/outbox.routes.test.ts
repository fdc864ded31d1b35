import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('mail outbox API', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    for (const n of [1, 2, 3]) {
      await t.context.mailer.send(t.context.defaultTenantId, {
        to: `dest${n}@exemple.fr`,
        subject: `Message ${n}`,
        text: `Bonjour ${n}`,
        html: `<p>Bonjour ${n}</p>`,
      });
    }
  });
  afterAll(async () => t?.close());

  it('lists kept emails newest first, page by page', async () => {
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/outbox?limit=2',
      headers: admin.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().data.map((m: { subject: string }) => m.subject)).toEqual(['Message 3', 'Message 2']);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/outbox?limit=2&cursor=${first.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(second.json()).toMatchObject({ data: [{ subject: 'Message 1' }], nextCursor: null });
  });

  it('reads one email with its text and HTML', async () => {
    const [latest] = (
      await t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: admin.headers })
    ).json().data;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/outbox/${latest.id}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: latest.id,
      to: 'dest3@exemple.fr',
      from: expect.stringContaining('@'),
      subject: 'Message 3',
      text: 'Bonjour 3',
      html: '<p>Bonjour 3</p>',
      status: 'kept',
      createdAt: expect.any(String),
    });
  });

  it('answers 404 for an unknown email and 400 for a malformed id', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/outbox/01900000-0000-7000-8000-000000000000',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('outbox.not_found');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/outbox/42', headers: admin.headers });
    expect(malformed.statusCode).toBe(400);
  });

  it('is reserved to admin.outbox', async () => {
    const responsable = await buildUser(t, { roles: ['responsable'] });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: responsable.headers })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox' })).statusCode).toBe(401);
  });
});
