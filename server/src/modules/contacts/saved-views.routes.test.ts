import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createContactsTestApp } from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';

describe('/api/v1/saved-views', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  const definition = {
    filter: { all: [{ field: 'city', op: 'eq', value: 'Lyon' }] },
    sort: '-createdAt',
    columns: ['lastName', 'firstName', 'city'],
  };

  const call = (
    user: TestUser,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers = {},
  ) => t.app.inject({ method, url, payload, headers: { ...user.headers, ...headers } });

  beforeAll(async () => {
    t = await createContactsTestApp();
    alice = await buildUser(t, { roles: ['agent'] });
    bob = await buildUser(t, { roles: ['agent'] });
  });
  afterAll(async () => t?.close());

  it('keeps each user’s views to that user', async () => {
    const created = await call(alice, 'POST', '/api/v1/saved-views', {
      name: 'Lyonnais',
      entity: 'person',
      definition,
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ name: 'Lyonnais', entity: 'person', definition, version: 1 });
    await call(bob, 'POST', '/api/v1/saved-views', { name: 'Les miens', entity: 'person', definition: {} });

    const alicesList = (await call(alice, 'GET', '/api/v1/saved-views?entity=person')).json().data;
    expect(alicesList.map((v: { name: string }) => v.name)).toEqual(['Lyonnais']);
    const bobsList = (await call(bob, 'GET', '/api/v1/saved-views?entity=person')).json().data;
    expect(bobsList.map((v: { name: string }) => v.name)).toEqual(['Les miens']);
    expect((await call(alice, 'GET', '/api/v1/saved-views?entity=organisation')).json().data).toEqual([]);

    expect((await call(bob, 'GET', `/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);
    expect(
      (await call(bob, 'PATCH', `/api/v1/saved-views/${view.id}`, { name: 'Pris' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(404);
    expect((await call(bob, 'DELETE', `/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);
    expect((await call(alice, 'GET', `/api/v1/saved-views/${view.id}`)).json().name).toBe('Lyonnais');
  });

  it('updates with If-Match and refuses a stale version', async () => {
    const view = (
      await call(alice, 'POST', '/api/v1/saved-views', { name: 'A', entity: 'person', definition })
    ).json();
    const url = `/api/v1/saved-views/${view.id}`;
    expect((await call(alice, 'PATCH', url, { name: 'B' })).statusCode).toBe(428);
    const updated = await call(alice, 'PATCH', url, { name: 'B' }, { 'if-match': '"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'B', version: 2 });
    expect((await call(alice, 'PATCH', url, { name: 'C' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call(alice, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(alice, 'GET', url)).statusCode).toBe(404);
  });

  it('refuses a view whose filter cannot run', async () => {
    const response = await call(alice, 'POST', '/api/v1/saved-views', {
      name: 'Cassée',
      entity: 'person',
      definition: { filter: { all: [{ field: 'pointure', op: 'eq', value: 42 }] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('filter.all[0].field');
  });
});
