import type { ContactConsents, Purpose } from '@parterre/contract/consent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildPerson } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('consent ledger API', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let reader: TestUser;
  let newsletter: Purpose;
  let mecenat: Purpose;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    agent = await buildUser(t, { roles: ['agent'], name: 'Paul Guichet' });
    reader = await buildUser(t, { roles: ['lecteur'] });
    const purposes = (await call(admin, 'GET', '/api/v1/purposes')).json().data as Purpose[];
    newsletter = purposes.find((p) => p.code === 'lettre-information')!;
    mecenat = purposes.find((p) => p.code === 'mecenat')!;
  });
  afterAll(async () => t?.close());

  function call(user: TestUser, method: string, url: string, payload?: unknown, headers = {}) {
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...user.headers, ...headers },
      payload: payload as object,
    });
  }
  const consentsOf = async (id: string): Promise<ContactConsents> => {
    const response = await call(agent, 'GET', `/api/v1/contacts/${id}/consents`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const counter = { source: 'counter', detail: 'Guichet du hall' };
  const countRows = async (table: string) =>
    Number((await t.database.sql.executeSql(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

  it('records a consent at the counter with its proof, the current wording and who recorded it', async () => {
    const person = await buildPerson(t, { firstName: 'Jeanne', lastName: 'Abadie' });
    const response = await call(
      agent,
      'POST',
      `/api/v1/contacts/${person}/consents`,
      { purposeId: newsletter.id, channel: 'email', status: 'granted', proof: counter },
      { 'user-agent': 'Caisse 2' },
    );
    expect(response.statusCode, response.body).toBe(201);
    const [event] = response.json().recorded;
    expect(event).toMatchObject({
      personId: person,
      purposeId: newsletter.id,
      purposeCode: 'lettre-information',
      channel: 'email',
      status: 'granted',
      wordingId: newsletter.currentWording.id,
      wordingVersion: 1,
      // Counter is not an online source: the agent's browser is no proof of the person's.
      proof: {
        source: 'counter',
        detail: 'Guichet du hall',
        fileName: null,
        fileRow: null,
        ip: null,
        userAgent: null,
        recordedBy: { kind: 'token', label: 'Paul Guichet' },
      },
    });
    expect(response.json().states).toEqual([
      {
        purposeId: newsletter.id,
        purposeCode: 'lettre-information',
        channel: 'email',
        status: 'granted',
        eventId: event.id,
        since: event.occurredAt,
      },
    ]);
    const consents = await consentsOf(person);
    expect(consents.history.map((e) => e.id)).toEqual([event.id]);
    const viewed = await t.database.sql.executeSql(
      "SELECT after FROM audit_log WHERE action = 'person.view' AND entity_id = $1",
      [person],
    );
    expect(viewed.rows.map((row) => row.after)).toEqual([{ consents: true }]);

    const timeline = await call(agent, 'GET', `/api/v1/contacts/${person}/timeline`);
    expect(timeline.json().data.map((e: { summary: string }) => e.summary)).toContain(
      'Consentement accordé : Lettre d’information (e-mail)',
    );
    const audit = await t.database.sql.executeSql(
      "SELECT entity_id FROM audit_log WHERE action = 'consent.recorded' AND entity_id = $1",
      [person],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('takes IP and user agent from the request for online sources, and keeps import file and row', async () => {
    const person = await buildPerson(t, { lastName: 'Bernard' });
    const response = await call(
      agent,
      'POST',
      `/api/v1/contacts/${person}/consents`,
      [
        {
          purposeId: newsletter.id,
          channel: 'email',
          status: 'pending',
          proof: { source: 'form', detail: 'form-42' },
        },
        {
          purposeId: mecenat.id,
          channel: 'post',
          status: 'granted',
          occurredAt: '2025-03-01T10:00:00+01:00',
          proof: { source: 'import', fileName: 'amis-2025.csv', fileRow: 12, ip: '192.0.2.7' },
        },
      ],
      { 'user-agent': 'Mozilla/5.0 (formulaire)' },
    );
    expect(response.statusCode, response.body).toBe(201);
    const [form, imported] = response.json().recorded;
    expect(form.proof).toMatchObject({
      source: 'form',
      detail: 'form-42',
      userAgent: 'Mozilla/5.0 (formulaire)',
    });
    expect(form.proof.ip).toEqual(expect.any(String));
    expect(form.wordingVersion).toBe(1);
    expect(imported).toMatchObject({
      occurredAt: '2025-03-01T09:00:00.000Z',
      proof: { source: 'import', fileName: 'amis-2025.csv', fileRow: 12, ip: '192.0.2.7', userAgent: null },
    });
    const consents = await consentsOf(person);
    expect(consents.states.map((s) => `${s.purposeCode}/${s.channel}/${s.status}`).sort()).toEqual([
      'lettre-information/email/pending',
      'mecenat/post/granted',
    ]);
  });

  it('keeps the latest choice when an older event arrives late, and lists history newest first', async () => {
    const person = await buildPerson(t, { lastName: 'Carré' });
    const record = async (status: string, occurredAt: string) => {
      const response = await call(agent, 'POST', `/api/v1/contacts/${person}/consents`, {
        purposeId: newsletter.id,
        channel: 'email',
        status,
        occurredAt,
        proof: counter,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    await record('granted', '2026-05-01T10:00:00Z');
    const withdrawal = await record('withdrawn', '2026-06-01T10:00:00Z');
    expect(withdrawal.recorded[0].wordingId).toBeNull();
    const late = await record('granted', '2026-01-15T10:00:00Z');
    expect(late.states[0]).toMatchObject({
      status: 'withdrawn',
      eventId: withdrawal.recorded[0].id,
      since: '2026-06-01T10:00:00.000Z',
    });
    const consents = await consentsOf(person);
    expect(consents.states).toHaveLength(1);
    expect(consents.states[0].status).toBe('withdrawn');
    expect(consents.history.map((e) => `${e.status} ${e.occurredAt.slice(0, 10)}`)).toEqual([
      'withdrawn 2026-06-01',
      'granted 2026-05-01',
      'granted 2026-01-15',
    ]);
  });

  it('refuses bad events with a stable code and a localised message, writing nothing', async () => {
    const person = await buildPerson(t, { lastName: 'Dupont' });
    const archived = (
      await call(admin, 'POST', '/api/v1/purposes', {
        code: 'ancienne-lettre',
        name: { fr: 'Ancienne lettre' },
        legalBasis: 'consent',
        channels: ['email'],
        retention: { text: '3 ans' },
        wording: { fr: 'Ancien texte' },
      })
    ).json();
    await call(admin, 'PATCH', `/api/v1/purposes/${archived.id}`, { archived: true }, { 'if-match': '"1"' });
    const before = [await countRows('consent_events'), await countRows('consent_states')];
    const good = { purposeId: newsletter.id, channel: 'email', status: 'granted', proof: counter };
    const cases: [unknown, number, string, string][] = [
      [
        { ...good, purposeId: '0190a3c2-7b1e-7000-8000-000000000009' },
        400,
        'consent.unknown_purpose',
        'body.purposeId',
      ],
      [{ ...good, channel: 'sms' }, 400, 'consent.channel_not_allowed', 'body.channel'],
      [{ ...good, purposeId: archived.id }, 409, 'consent.purpose_archived', 'body.purposeId'],
      [{ ...good, wordingId: mecenat.currentWording.id }, 400, 'consent.wording_mismatch', 'body.wordingId'],
      [{ ...good, occurredAt: '2099-01-01T00:00:00Z' }, 400, 'consent.occurred_in_future', 'body.occurredAt'],
      // All or nothing: the good first event is not written either.
      [[good, { ...good, channel: 'phone' }], 400, 'consent.channel_not_allowed', 'body.1.channel'],
    ];
    for (const [payload, status, code, path] of cases) {
      const response = await call(agent, 'POST', `/api/v1/contacts/${person}/consents`, payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      expect(response.json().errors[0].path).toBe(path);
    }
    const english = await call(
      agent,
      'POST',
      `/api/v1/contacts/${person}/consents`,
      { ...good, channel: 'sms' },
      { 'accept-language': 'en' },
    );
    expect(english.json().detail).toBe(
      'The channel "sms" is not one of the channels of the purpose "Lettre d’information".',
    );
    const french = await call(agent, 'POST', `/api/v1/contacts/${person}/consents`, {
      ...good,
      channel: 'sms',
    });
    expect(french.json().detail).toContain('ne fait pas partie des canaux');

    const invalid = await call(agent, 'POST', `/api/v1/contacts/${person}/consents`, {
      ...good,
      status: 'maybe',
      proof: { source: 'pigeon' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('common.validation');

    const nobody = await call(
      agent,
      'POST',
      '/api/v1/contacts/0190a3c2-7b1e-7000-8000-00000000000a/consents',
      good,
    );
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().code).toBe('consent.person_not_found');

    const readOnly = await call(reader, 'POST', `/api/v1/contacts/${person}/consents`, good);
    expect(readOnly.statusCode).toBe(403);
    expect((await call(reader, 'GET', `/api/v1/contacts/${person}/consents`)).statusCode).toBe(200);

    expect([await countRows('consent_events'), await countRows('consent_states')]).toEqual(before);
  });

  it('refuses UPDATE and DELETE of consent events in the database, except a move to another person', async () => {
    const person = await buildPerson(t, { lastName: 'Estienne' });
    const other = await buildPerson(t, { lastName: 'Faure' });
    const recorded = await call(agent, 'POST', `/api/v1/contacts/${person}/consents`, {
      purposeId: newsletter.id,
      channel: 'email',
      status: 'granted',
      proof: counter,
    });
    const id = recorded.json().recorded[0].id;
    const sql = t.database.sql;
    await expect(
      sql.executeSql("UPDATE consent_events SET status = 'withdrawn' WHERE id = $1", [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql.executeSql('UPDATE consent_events SET person_id = $2, ip = $3 WHERE id = $1', [
        id,
        other,
        '10.0.0.1',
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(sql.executeSql('DELETE FROM consent_events WHERE id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql.executeSql('DELETE FROM purpose_wordings')).rejects.toThrow(/append-only/);
    await sql.executeSql('UPDATE consent_events SET person_id = $2 WHERE id = $1', [id, other]);
    const row = await sql.executeSql('SELECT person_id, status FROM consent_events WHERE id = $1', [id]);
    expect(row.rows[0]).toEqual({ person_id: other, status: 'granted' });
  });

  it('exposes no route that could alter the ledger: only GET and POST on consents', async () => {
    const consentRoutes = t.app.declaredRoutes
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
      .filter((route) => /\/consents(\/|$)/.test(route.url))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(consentRoutes).toEqual([
      'GET /api/v1/contacts/:id/consents',
      'POST /api/v1/contacts/:id/consents',
    ]);
    // The other writing routes of the capability: purposes and forms change only themselves; the two
    // public double opt-in routes append events through the same service (and the trigger).
    const writers = t.app.declaredRoutes.filter(
      (route) =>
        !['GET', 'HEAD', 'OPTIONS'].includes(route.method) && /purpose|consent|public/i.test(route.url),
    );
    expect(writers.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'PATCH /api/v1/consent-forms/:id',
      'PATCH /api/v1/purposes/:id',
      'POST /api/v1/consent-forms',
      'POST /api/v1/contacts/:id/consents',
      'POST /api/v1/purposes',
      'POST /public/confirm/:token',
      'POST /public/forms/:formId',
    ]);

    const person = await buildPerson(t, { lastName: 'Garnier' });
    const recorded = await call(agent, 'POST', `/api/v1/contacts/${person}/consents`, {
      purposeId: newsletter.id,
      channel: 'email',
      status: 'granted',
      proof: counter,
    });
    const eventId = recorded.json().recorded[0].id;
    const before = await consentsOf(person);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const url of [
        `/api/v1/contacts/${person}/consents`,
        `/api/v1/contacts/${person}/consents/${eventId}`,
      ]) {
        const response = await call(admin, method, url, { status: 'withdrawn' });
        expect([404, 405], `${method} ${url}`).toContain(response.statusCode);
      }
    }
    expect(await consentsOf(person)).toEqual(before);
  });
});
