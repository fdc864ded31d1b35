import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('platform routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('reports the database and the job queue as healthy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: { status: 'ok' },
      jobs: { status: 'ok' },
    });
  });

  it('answers an unauthenticated API call with a localised 401 problem', async () => {
    const fr = await t.app.inject({ method: 'GET', url: '/api/v1/jobs' });
    expect(fr.statusCode).toBe(401);
    expect(fr.headers['content-type']).toContain('application/problem+json');
    expect(fr.json()).toMatchObject({ code: 'common.unauthenticated', title: 'Vous devez vous connecter.' });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/v1/jobs',
      headers: { 'accept-language': 'en-GB' },
    });
    expect(en.json().title).toBe('You must sign in.');
  });

  it('serves an OpenAPI 3.1 document that lists the job routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/jobs/{id}');
  });

  it('accepts a JSON content type with an empty body, and refuses malformed JSON with 400', async () => {
    const user = await buildUser(t, { roles: ['agent'] });
    const url = '/api/v1/jobs/01900000-0000-7000-8000-000000000000/cancel';
    const headers = { ...user.headers, 'content-type': 'application/json' };
    const empty = await t.app.inject({ method: 'POST', url, headers, payload: '' });
    expect(empty.json().code).toBe('jobs.not_found');
    const malformed = await t.app.inject({ method: 'POST', url, headers, payload: '{"a":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('common.validation');
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('common.not_found');
  });
});
