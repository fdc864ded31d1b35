import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createOrganisation, createPerson } from './contacts.test-support.ts';

describe('custom fields', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let lecteur: TestUser;
  const define = (payload: Record<string, unknown>, user = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/custom-fields', headers: user.headers, payload });
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    agent = await buildUser(t, { roles: ['agent'] });
    lecteur = await buildUser(t, { roles: ['lecteur'] });
    const definitions = [
      {
        entity: 'person',
        key: 'abonnement',
        label: 'Formule d’abonnement',
        type: 'choice',
        options: ['Découverte', 'Passion'],
      },
      {
        entity: 'person',
        key: 'allergies',
        label: 'Allergies (accueil)',
        type: 'long_text',
        sensitive: true,
      },
      { entity: 'person', key: 'places', label: 'Nombre de places', type: 'number' },
      { entity: 'person', key: 'premiere_venue', label: 'Première venue', type: 'date' },
      {
        entity: 'person',
        key: 'mobilite_reduite',
        label: 'Mobilité réduite',
        type: 'boolean',
        sensitive: true,
      },
      {
        entity: 'person',
        key: 'centres',
        label: 'Centres d’intérêt',
        type: 'multi_choice',
        options: ['danse', 'opéra', 'jazz'],
      },
      { entity: 'person', key: 'blog', label: 'Blog', type: 'url' },
      { entity: 'organisation', key: 'convention', label: 'N° de convention', type: 'text', required: true },
    ];
    for (const definition of definitions) {
      const response = await define(definition);
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('lets any reader list definitions but only administrators manage them', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/custom-fields?entity=person',
      headers: lecteur.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toHaveLength(7);
    // Same position: ordered by label.
    expect(list.json().data[0]).toMatchObject({ key: 'allergies', sensitive: true, version: 1 });
    expect(list.json().data.find((f: { key: string }) => f.key === 'abonnement').options).toEqual([
      'Découverte',
      'Passion',
    ]);
    expect((await define({ entity: 'person', key: 'x', label: 'X', type: 'text' }, agent)).statusCode).toBe(
      403,
    );
    const taken = await define({ entity: 'person', key: 'blog', label: 'Encore', type: 'text' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('custom_fields.key_taken');
    const noOptions = await define({ entity: 'person', key: 'vide', label: 'Vide', type: 'choice' });
    expect(noOptions.json().errors[0]).toMatchObject({
      path: 'body.options',
      code: 'custom_fields.options_required',
    });
    const badKey = await define({ entity: 'person', key: 'Clé invalide', label: 'X', type: 'text' });
    expect(badKey.json().errors[0].path).toBe('body.key');
  });

  it('validates values on every write, one error per field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: agent.headers,
      payload: {
        lastName: 'Valeurs',
        customFields: {
          abonnement: 'Premium',
          places: 'beaucoup',
          premiere_venue: '2023-02-30',
          mobilite_reduite: 'oui',
          centres: ['danse', 'rap'],
          blog: 'ftp://example.org',
          inconnu: 1,
        },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual(
      [
        ['body.customFields.abonnement', 'Valeur absente de la liste de choix'],
        ['body.customFields.places', 'Nombre attendu'],
        ['body.customFields.premiere_venue', 'Date attendue (AAAA-MM-JJ)'],
        ['body.customFields.mobilite_reduite', 'Oui ou non attendu'],
        ['body.customFields.centres', 'Valeur absente de la liste de choix'],
        ['body.customFields.blog', 'Adresse web invalide'],
        ['body.customFields.inconnu', 'Champ personnalisé inconnu'],
      ],
    );
    const required = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: agent.headers,
      payload: { name: 'Sans convention' },
    });
    expect(required.json().errors).toEqual([
      expect.objectContaining({ path: 'body.customFields.convention', code: 'custom_fields.required' }),
    ]);
    const organisation = await createOrganisation(t, agent, {
      name: 'Avec convention',
      customFields: { convention: 'C-12' },
    });
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${organisation.id}`,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { customFields: { convention: null } },
    });
    expect(cleared.json().errors[0].code).toBe('custom_fields.required');
  });

  it('stores values, merges them on update and masks sensitive ones', async () => {
    const person = await createPerson(t, agent, {
      lastName: 'Champs',
      customFields: {
        abonnement: 'Passion',
        allergies: 'Arachides',
        places: '2',
        mobilite_reduite: true,
        centres: ['jazz', 'danse', 'jazz'],
      },
    });
    expect(person.customFields).toEqual({
      abonnement: 'Passion',
      allergies: 'Arachides',
      places: 2,
      mobilite_reduite: true,
      centres: ['jazz', 'danse'],
    });
    const asLecteur = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: lecteur.headers,
    });
    expect(asLecteur.json().customFields).toEqual({
      abonnement: 'Passion',
      places: 2,
      centres: ['jazz', 'danse'],
    });
    expect(asLecteur.json().masked).toEqual(['customFields.allergies', 'customFields.mobilite_reduite']);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${person.id}`,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { customFields: { places: 3, allergies: null } },
    });
    expect(patched.json().customFields).toEqual({
      abonnement: 'Passion',
      places: 3,
      mobilite_reduite: true,
      centres: ['jazz', 'danse'],
    });
  });

  it('updates a definition with If-Match and hides values of a deleted definition', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/custom-fields?entity=person',
      headers: admin.headers,
    });
    const blog = list.json().data.find((f: { key: string }) => f.key === 'blog');
    const person = await createPerson(t, agent, {
      lastName: 'Blogueur',
      customFields: { blog: 'https://blog.example.fr' },
    });
    const url = `/api/v1/custom-fields/${blog.id}`;
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { label: 'Site personnel', sensitive: true },
    });
    expect(updated.json()).toMatchObject({
      label: 'Site personnel',
      sensitive: true,
      version: 2,
      type: 'url',
    });
    const masked = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: lecteur.headers,
    });
    expect(masked.json().masked).toEqual(['customFields.blog']);
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { label: 'Trop tard' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await t.app.inject({ method: 'DELETE', url, headers: agent.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: admin.headers,
    });
    expect(after.json().customFields).toEqual({});
  });
});
