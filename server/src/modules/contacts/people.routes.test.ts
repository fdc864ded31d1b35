import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditLog } from '../../platform/platform.tables.ts';
import { people } from './contacts.tables.ts';
import { auditActions, countRows, createPerson, eventsOf } from './contacts.test-support.ts';

describe('people routes', () => {
  let t: TestApp;
  let agent: TestUser;
  let lecteur: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    lecteur = await buildUser(t, { roles: ['lecteur'] });
  });
  afterAll(async () => t?.close());

  it('creates a person with normalised coordinates, an ETag, an audit row and an event', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: agent.headers,
      payload: {
        civility: 'madame',
        firstName: '  Hélène ',
        lastName: 'Dupré',
        birthDate: '1980-02-03',
        emails: [{ address: ' Helene.Dupre@Example.FR ', type: 'home' }, { address: 'h.dupre@theatre.fr' }],
        phones: [{ number: '06 12 34 56 78' }, { number: '+33 1 44 55 66 77', primary: true }],
        addresses: [{ line1: '1 place Bellecour', postalCode: '69002' }],
        tags: ['abonné', 'abonné', ' VIP '],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const person = response.json();
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/contacts/${person.id}`);
    expect(person).toMatchObject({
      civility: 'Mme',
      firstName: 'Hélène',
      version: 1,
      deletedAt: null,
      masked: [],
      tags: ['abonné', 'VIP'],
      emails: [
        { address: 'helene.dupre@example.fr', type: 'home', primary: true, validity: 'valid' },
        { address: 'h.dupre@theatre.fr', type: 'other', primary: false },
      ],
      phones: [
        { e164: '+33612345678', national: '06 12 34 56 78', type: 'mobile', primary: false },
        { e164: '+33144556677', national: '01 44 55 66 77', primary: true },
      ],
      addresses: [
        {
          postalCode: '69002',
          city: 'Lyon',
          country: 'FR',
          inseeCode: '69123',
          departementCode: '69',
          departementName: 'Rhône',
          regionCode: '84',
          regionName: 'Auvergne-Rhône-Alpes',
          primary: true,
        },
      ],
    });
    expect(await auditActions(t, person.id)).toEqual(['contact.created']);
    const [event] = await eventsOf(t, person.id);
    expect(event).toMatchObject({ type: 'contact.created', subjects: [person.id] });
  });

  it('refuses invalid coordinates with one localised error per faulty field and writes nothing', async () => {
    const before = await countRows(t, people);
    const payload = {
      lastName: 'Martin',
      emails: [{ address: 'ok@example.fr' }, { address: 'jean@' }],
      phones: [{ number: '12' }],
      addresses: [
        { line1: '3 rue du Nord', postalCode: '99999' },
        { postalCode: '1000', country: 'BE' },
      ],
    };
    const fr = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: agent.headers,
      payload,
    });
    expect(fr.statusCode).toBe(400);
    expect(fr.headers['content-type']).toContain('application/problem+json');
    expect(fr.json().code).toBe('common.validation');
    expect(fr.json().errors).toEqual([
      { path: 'body.emails.1.address', code: 'contacts.invalid_email', message: 'Adresse e-mail invalide' },
      {
        path: 'body.phones.0.number',
        code: 'contacts.invalid_phone',
        message: 'Numéro de téléphone invalide',
      },
      {
        path: 'body.addresses.0.postalCode',
        code: 'contacts.unknown_postal_code',
        message: 'Code postal inconnu',
      },
    ]);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...agent.headers, 'accept-language': 'en' },
      payload,
    });
    expect(en.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Invalid email address',
      'Invalid phone number',
      'Unknown postal code',
    ]);
    expect(await countRows(t, people)).toBe(before);
  });

  it('reports schema errors by field and requires a name, an email or a phone', async () => {
    const schema = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: agent.headers,
      payload: { lastName: 'X', birthDate: '03/02/1980', preferredChannel: 'pigeon' },
    });
    expect(schema.statusCode).toBe(400);
    const paths = schema.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.birthDate', 'body.preferredChannel']));
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: agent.headers,
      payload: {},
    });
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ path: 'body.lastName', code: 'contacts.identity_required' }),
    ]);
    // A foreign postal code is not checked; the country is stored as given.
    const belgian = await createPerson(t, agent, {
      lastName: 'Peeters',
      addresses: [{ postalCode: '1000', city: 'Bruxelles', country: 'be' }],
    });
    expect(belgian.addresses[0]).toMatchObject({ country: 'BE', postalCode: '1000', inseeCode: null });
  });

  it('refuses creation to a lecteur and masks the birth date from them', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: lecteur.headers,
      payload: { lastName: 'Refusé' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('common.forbidden');
    const person = await createPerson(t, agent, { lastName: 'Secret', birthDate: '1975-05-05' });
    const asLecteur = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: lecteur.headers,
    });
    expect(asLecteur.json()).toMatchObject({ birthDate: null, masked: ['birthDate'] });
    const asAgent = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: agent.headers,
    });
    expect(asAgent.json()).toMatchObject({ birthDate: '1975-05-05', masked: [] });
    expect(asAgent.headers.etag).toBe('"1"');
    const views = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, person.id));
    expect(views.filter((row) => row.action === 'person.view')).toHaveLength(2);
  });

  it('answers 404 for an unknown person', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/0190e4b6-0000-7000-8000-000000000000',
      headers: agent.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('contacts.not_found');
  });

  it('updates with If-Match, replaces given lists and refuses a stale version with the current record', async () => {
    const person = await createPerson(t, agent, {
      firstName: 'Paul',
      lastName: 'Roux',
      emails: [{ address: 'paul@example.fr' }],
      phones: [{ number: '0611223344' }],
    });
    const url = `/api/v1/contacts/${person.id}`;
    const missing = await t.app.inject({
      method: 'PATCH',
      url,
      headers: agent.headers,
      payload: { firstName: 'P' },
    });
    expect(missing.statusCode).toBe(428);
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { firstName: 'Paul-Henri', emails: [{ address: 'ph@example.fr' }] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({
      firstName: 'Paul-Henri',
      lastName: 'Roux',
      version: 2,
      emails: [{ address: 'ph@example.fr', primary: true }],
      phones: [{ e164: '+33611223344' }],
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { lastName: 'Perdu' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'common.stale',
      current: { version: 2, firstName: 'Paul-Henri' },
    });
    const invalid = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"2"' },
      payload: { phones: [{ number: '12' }] },
    });
    expect(invalid.json().errors).toEqual([expect.objectContaining({ path: 'body.phones.0.number' })]);
    const events = await eventsOf(t, person.id);
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated']);
    expect(events[1].payload).toMatchObject({ changes: expect.arrayContaining(['firstName', 'emails']) });
    expect(await auditActions(t, person.id)).toEqual(['contact.created', 'contact.updated']);
  });

  it('warns of a probable duplicate on request, unless forced', async () => {
    const first = await createPerson(t, agent, {
      firstName: 'Zoé',
      lastName: 'Légaré',
      emails: [{ address: 'zoe.legare@example.fr' }],
      addresses: [{ line1: '2 rue Pasteur', postalCode: '33000' }],
    });
    const byEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts?checkDuplicates=true',
      headers: agent.headers,
      payload: { lastName: 'Autre', emails: [{ address: 'ZOE.LEGARE@example.fr' }] },
    });
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json()).toMatchObject({
      code: 'contacts.probable_duplicate',
      candidates: [{ id: first.id, email: 'zoe.legare@example.fr', reasons: ['email'] }],
    });
    const byName = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts?checkDuplicates=true',
      headers: agent.headers,
      payload: { firstName: 'Zoe', lastName: 'LEGARE', addresses: [{ postalCode: '33000' }] },
    });
    expect(byName.json().candidates).toEqual([expect.objectContaining({ id: first.id, reasons: ['name'] })]);
    const forced = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts?checkDuplicates=true&force=true',
      headers: agent.headers,
      payload: { firstName: 'Zoe', lastName: 'LEGARE', addresses: [{ postalCode: '33000' }] },
    });
    expect(forced.statusCode).toBe(201);
  });

  it('replays a POST with the same Idempotency-Key without creating twice', async () => {
    const before = await countRows(t, people);
    const request = {
      method: 'POST' as const,
      url: '/api/v1/contacts',
      headers: { ...agent.headers, 'idempotency-key': 'creation-1234' },
      payload: { lastName: 'Unique', emails: [{ address: 'unique@example.fr' }] },
    };
    const first = await t.app.inject(request);
    const replay = await t.app.inject(request);
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    expect(await countRows(t, people)).toBe(before + 1);
    const conflict = await t.app.inject({ ...request, payload: { lastName: 'Différent' } });
    expect(conflict.statusCode).toBe(422);
  });

  it('stores rows whose search name ignores accents', async () => {
    const person = await createPerson(t, agent, { firstName: 'Élodie', lastName: 'Châtelain' });
    const [row] = await t.database.db
      .select({ searchName: people.searchName })
      .from(people)
      .where(eq(people.id, person.id));
    expect(row.searchName).toBe('elodie chatelain ');
    expect(await t.database.db.execute(sql`select 1`)).toBeTruthy();
  });

  it('documents every record route in OpenAPI with a French summary and a tag', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const expected = {
      '/api/v1/contacts': ['post'],
      '/api/v1/contacts/{id}': ['get', 'patch', 'delete'],
      '/api/v1/contacts/{id}/restore': ['post'],
      '/api/v1/contacts/trash': ['get'],
      '/api/v1/contacts:batch': ['post'],
      '/api/v1/contacts:import-vcard': ['post'],
      '/api/v1/contacts:export-vcard': ['post'],
      '/api/v1/organisations': ['get', 'post'],
      '/api/v1/organisations/{id}': ['get', 'patch', 'delete'],
      '/api/v1/relationships': ['post'],
      '/api/v1/relationships/{id}': ['get', 'patch', 'delete'],
      '/api/v1/contacts/{id}/relationships': ['get'],
      '/api/v1/organisations/{id}/relationships': ['get'],
      '/api/v1/custom-fields': ['get', 'post'],
      '/api/v1/custom-fields/{id}': ['get', 'patch', 'delete'],
      '/api/v1/contacts/{id}/notes': ['get', 'post'],
      '/api/v1/notes/{id}': ['patch', 'delete'],
    };
    for (const [route, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const operation = document.paths[route]?.[method];
        expect(operation, `${method} ${route}`).toBeDefined();
        expect(operation.summary).toMatch(/^[A-ZÉ][a-zé]+ /);
        expect(operation.tags.length).toBeGreaterThan(0);
      }
    }
    const person =
      document.paths['/api/v1/contacts/{id}'].get.responses['200'].content['application/json'].schema;
    expect(person.$ref).toBe('#/components/schemas/Person');
    expect(document.components.schemas.Person.properties.masked).toBeDefined();
  });
});
