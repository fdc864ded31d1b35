import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditActions, createOrganisation, createPerson } from './contacts.test-support.ts';

describe('organisations routes', () => {
  let t: TestApp;
  let agent: TestUser;
  let lecteur: TestUser;
  let responsable: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    lecteur = await buildUser(t, { roles: ['lecteur'] });
    responsable = await buildUser(t, { roles: ['responsable'] });
  });
  afterAll(async () => t?.close());

  it('creates an organisation with a checked SIREN/SIRET, website and coordinates', async () => {
    const organisation = await createOrganisation(t, agent, {
      name: 'Théâtre du Capitole',
      type: 'collectivite',
      siren: '213 105 554',
      siret: '21310555400017',
      website: 'www.theatreducapitole.fr',
      emails: [{ address: 'Contact@TheatreDuCapitole.fr', type: 'work' }],
      phones: [{ number: '05 61 63 13 13', type: 'work' }],
      addresses: [{ type: 'work', line1: 'Place du Capitole', postalCode: '31000', city: 'Toulouse' }],
      tags: ['partenaire'],
    });
    expect(organisation).toMatchObject({
      name: 'Théâtre du Capitole',
      type: 'collectivite',
      siren: '213105554',
      siret: '21310555400017',
      website: 'https://www.theatreducapitole.fr/',
      emails: [{ address: 'contact@theatreducapitole.fr', primary: true }],
      phones: [{ e164: '+33561631313', national: '05 61 63 13 13' }],
      addresses: [{ city: 'Toulouse', inseeCode: '31555', departementName: 'Haute-Garonne' }],
      members: [],
      parents: [],
      children: [],
      version: 1,
    });
    expect(await auditActions(t, organisation.id)).toEqual(['organisation.created']);
  });

  it('refuses invalid identifiers field by field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: agent.headers,
      payload: {
        name: 'Mauvais',
        siren: '123456789',
        siret: '1234',
        website: 'pas une url',
        type: 'entreprise',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body.siren', code: 'organisations.invalid_siren', message: 'SIREN invalide (9 chiffres)' },
      { path: 'body.siret', code: 'organisations.invalid_siret', message: 'SIRET invalide (14 chiffres)' },
      { path: 'body.website', code: 'organisations.invalid_website', message: 'Adresse web invalide' },
    ]);
    const mismatch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: agent.headers,
      payload: { name: 'Décalé', siren: '213105554', siret: '73282932000074' },
    });
    expect(mismatch.json().errors).toEqual([
      expect.objectContaining({ code: 'organisations.siret_mismatch' }),
    ]);
    const badType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: agent.headers,
      payload: { name: 'X', type: 'multinationale' },
    });
    expect(badType.json().errors[0].path).toBe('body.type');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: lecteur.headers,
      payload: { name: 'Non' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('lists by name with a search ignoring accents, a type filter and cursor pagination', async () => {
    for (const name of ['Opéra de Lyon', 'Opera Garnier', 'Lycée Ampère', 'Fondation Orange']) {
      await createOrganisation(t, agent, {
        name,
        type: name.startsWith('Lycée')
          ? 'etablissement_scolaire'
          : name.startsWith('Fondation')
            ? 'fondation'
            : 'autre',
        addresses: [{ postalCode: '69001', line1: '1 place de la Comédie' }],
      });
    }
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=opera',
      headers: lecteur.headers,
    });
    expect(search.json().data.map((o: { name: string }) => o.name)).toEqual([
      'Opera Garnier',
      'Opéra de Lyon',
    ]);
    expect(search.json().data[1]).toMatchObject({ city: 'Lyon', type: 'autre' });
    const schools = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?type=etablissement_scolaire',
      headers: lecteur.headers,
    });
    expect(schools.json().data.map((o: { name: string }) => o.name)).toEqual(['Lycée Ampère']);
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?limit=2',
      headers: lecteur.headers,
    });
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations?limit=2&cursor=${first.json().nextCursor}`,
      headers: lecteur.headers,
    });
    const names = [...first.json().data, ...second.json().data].map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(4);
  });

  it('updates with If-Match and answers a stale version with the current record', async () => {
    const organisation = await createOrganisation(t, agent, {
      name: 'Brasserie des Arts',
      type: 'entreprise',
    });
    const url = `/api/v1/organisations/${organisation.id}`;
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { name: 'Brasserie des Arts et Spectacles', siren: '732829320' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, siren: '732829320', type: 'entreprise' });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { name: 'Perdu' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ version: 2, name: 'Brasserie des Arts et Spectacles' });
  });

  it('shows current employees as members, and supports trash and restore', async () => {
    const organisation = await createOrganisation(t, agent, { name: 'Scène nationale', type: 'autre' });
    const person = await createPerson(t, agent, { firstName: 'Jeanne', lastName: 'Moreau' });
    const link = await t.app.inject({
      method: 'POST',
      url: '/api/v1/relationships',
      headers: agent.headers,
      payload: {
        kind: 'employment',
        fromPersonId: person.id,
        toOrganisationId: organisation.id,
        role: 'Directrice',
      },
    });
    expect(link.statusCode, link.body).toBe(201);
    const url = `/api/v1/organisations/${organisation.id}`;
    const read = await t.app.inject({ method: 'GET', url, headers: lecteur.headers });
    expect(read.json().members).toEqual([
      { relationshipId: link.json().id, personId: person.id, name: 'Jeanne Moreau', role: 'Directrice' },
    ]);
    const personRead = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: lecteur.headers,
    });
    expect(personRead.json().organisations).toEqual([
      {
        relationshipId: link.json().id,
        organisationId: organisation.id,
        name: 'Scène nationale',
        role: 'Directrice',
      },
    ]);

    expect((await t.app.inject({ method: 'DELETE', url, headers: agent.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url, headers: responsable.headers })).statusCode).toBe(
      204,
    );
    const trash = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations/trash',
      headers: responsable.headers,
    });
    expect(trash.json().data.map((o: { id: string }) => o.id)).toContain(organisation.id);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=scene',
      headers: lecteur.headers,
    });
    expect(list.json().data).toEqual([]);
    // A trashed employer no longer shows on the person's record.
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: lecteur.headers,
    });
    expect(hidden.json().organisations).toEqual([]);
    const restored = await t.app.inject({
      method: 'POST',
      url: `${url}/restore`,
      headers: responsable.headers,
    });
    expect(restored.json()).toMatchObject({ deletedAt: null, members: [{ personId: person.id }] });
  });
});
