import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('purposes API', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'], name: 'Claire DPO' });
    agent = await buildUser(t, { roles: ['agent'] });
  });
  afterAll(async () => t?.close());

  const call = (
    user: TestUser,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    headers = {},
  ) => t.app.inject({ method, url, headers: { ...user.headers, ...headers }, payload });

  const newsletter = {
    code: 'lettre-jeune-public',
    name: { fr: 'Lettre jeune public', en: 'Young audiences newsletter' },
    description: { fr: 'Spectacles pour les familles' },
    legalBasis: 'consent',
    channels: ['email', 'sms'],
    retention: { text: '3 ans après le dernier contact actif', months: 36 },
    trackingAllowed: true,
    wording: { fr: 'J’accepte de recevoir la lettre jeune public.', en: 'I agree to receive it.' },
  };

  it('seeds the common French purposes at first start', async () => {
    const response = await call(agent, 'GET', '/api/v1/purposes');
    expect(response.statusCode, response.body).toBe(200);
    const codes = response.json().data.map((p: { code: string }) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining(['lettre-information', 'programmation', 'mecenat', 'enquetes']),
    );
    const mecenat = response.json().data.find((p: { code: string }) => p.code === 'mecenat');
    expect(mecenat).toMatchObject({ legalBasis: 'legitimate_interest', currentWording: { version: 1 } });
  });

  it('creates a purpose with its first wording, and refuses a duplicate code', async () => {
    const created = await call(admin, 'POST', '/api/v1/purposes', newsletter);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({
      code: 'lettre-jeune-public',
      name: { fr: 'Lettre jeune public', en: 'Young audiences newsletter' },
      description: { fr: 'Spectacles pour les familles', en: null },
      channels: ['email', 'sms'],
      retention: { text: '3 ans après le dernier contact actif', months: 36 },
      trackingAllowed: true,
      archived: false,
      currentWording: {
        version: 1,
        text: newsletter.wording,
        createdBy: admin.id,
        createdByName: 'Claire DPO',
      },
    });
    expect(created.json().wordings).toHaveLength(1);

    const again = await call(admin, 'POST', '/api/v1/purposes', newsletter);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('consent.purpose_code_taken');
    expect(again.json().detail).toContain('lettre-jeune-public');
  });

  it('versions the wording on each change of text, keeps old versions, refuses stale updates', async () => {
    const list = (await call(admin, 'GET', '/api/v1/purposes')).json().data;
    const purpose = list.find((p: { code: string }) => p.code === 'lettre-jeune-public');
    const url = `/api/v1/purposes/${purpose.id}`;

    const noIfMatch = await call(admin, 'PATCH', url, { legalBasis: 'legitimate_interest' });
    expect(noIfMatch.statusCode).toBe(428);

    const changed = await call(
      admin,
      'PATCH',
      url,
      {
        wording: { fr: 'Je veux recevoir la lettre jeune public (2 par mois).' },
        retention: { text: '2 ans' },
      },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(2);
    expect(changed.json().retention).toEqual({ text: '2 ans', months: null });
    expect(changed.json().currentWording).toMatchObject({
      version: 2,
      text: { fr: 'Je veux recevoir la lettre jeune public (2 par mois).', en: null },
    });
    expect(changed.json().wordings.map((w: { version: number }) => w.version)).toEqual([2, 1]);
    expect(changed.json().wordings[1].text).toEqual(newsletter.wording);

    // The same text again is not a new version; other fields still change.
    const same = await call(
      admin,
      'PATCH',
      url,
      { wording: { fr: 'Je veux recevoir la lettre jeune public (2 par mois).' }, trackingAllowed: false },
      { 'if-match': '"2"' },
    );
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().wordings).toHaveLength(2);
    expect(same.json().trackingAllowed).toBe(false);

    const stale = await call(admin, 'PATCH', url, { archived: true }, { 'if-match': '"2"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.version).toBe(3);

    const detail = await call(agent, 'GET', url);
    expect(detail.statusCode).toBe(200);
    expect(detail.headers.etag).toBe('"3"');
    expect(detail.json().archived).toBe(false);
  });

  it('archives a purpose: hidden from the default list, kept with its history', async () => {
    const created = (
      await call(admin, 'POST', '/api/v1/purposes', { ...newsletter, code: 'ancienne' })
    ).json();
    const archived = await call(
      admin,
      'PATCH',
      `/api/v1/purposes/${created.id}`,
      { archived: true },
      { 'if-match': '"1"' },
    );
    expect(archived.statusCode).toBe(200);
    const codes = async (query: string) =>
      (await call(agent, 'GET', `/api/v1/purposes${query}`)).json().data.map((p: { code: string }) => p.code);
    expect(await codes('')).not.toContain('ancienne');
    expect(await codes('?includeArchived=true')).toContain('ancienne');
  });

  it('writes an audit row and an event for each change', async () => {
    const rows = await t.database.sql.executeSql(
      "SELECT action FROM audit_log WHERE entity_type = 'purpose'",
    );
    const actions = rows.rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'purpose.created')).toHaveLength(2);
    expect(actions.filter((a) => a === 'purpose.updated')).toHaveLength(3);
    const events = await t.database.sql.executeSql(
      "SELECT count(*)::int AS n FROM outbox_events WHERE type LIKE 'purpose.%'",
    );
    expect(events.rows[0].n).toBe(5);
  });

  it('refuses bad input with field errors, and purpose management to agents', async () => {
    const bad = await call(admin, 'POST', '/api/v1/purposes', {
      ...newsletter,
      code: 'Avec Espaces',
      legalBasis: 'envie',
      channels: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('common.validation');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.legalBasis', 'body.channels']));

    const forbidden = await call(agent, 'POST', '/api/v1/purposes', { ...newsletter, code: 'agent' });
    expect(forbidden.statusCode).toBe(403);
    const missing = await call(agent, 'GET', '/api/v1/purposes/0190a3c2-7b1e-7000-8000-000000000001');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('consent.purpose_not_found');
  });

  it('documents the purposes and consents routes in OpenAPI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/purposes', '/api/v1/purposes/{id}', '/api/v1/contacts/{id}/consents']),
    );
    expect(Object.keys(spec.paths['/api/v1/contacts/{id}/consents']).sort()).toEqual(['get', 'post']);
    expect(spec.components.schemas).toHaveProperty('ConsentEvent');
  });
});
