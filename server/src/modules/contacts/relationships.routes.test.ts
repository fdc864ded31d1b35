import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createOrganisation, createPerson, eventsOf } from './contacts.test-support.ts';

describe('relationships routes', () => {
  let t: TestApp;
  let agent: TestUser;
  let lecteur: TestUser;
  const link = (payload: Record<string, unknown>, user = agent) =>
    t.app.inject({ method: 'POST', url: '/api/v1/relationships', headers: user.headers, payload });
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    lecteur = await buildUser(t, { roles: ['lecteur'] });
  });
  afterAll(async () => t?.close());

  it('shows an employment from both sides with the label of each side', async () => {
    const claire = await createPerson(t, agent, { firstName: 'Claire', lastName: 'Fontaine' });
    const opera = await createOrganisation(t, agent, { name: 'Opéra de Lille', type: 'autre' });
    const created = await link({
      kind: 'employment',
      fromPersonId: claire.id,
      toOrganisationId: opera.id,
      role: 'Directrice',
      startDate: '2020-09-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'employment', role: 'Directrice', version: 1 });

    const fromPerson = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${claire.id}/relationships`,
      headers: lecteur.headers,
    });
    expect(fromPerson.json().data).toEqual([
      expect.objectContaining({
        direction: 'outgoing',
        counterpart: { type: 'organisation', id: opera.id, name: 'Opéra de Lille' },
        label: 'Directrice d’Opéra de Lille',
        current: true,
      }),
    ]);
    const fromOrganisation = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${opera.id}/relationships`,
      headers: { ...lecteur.headers, 'accept-language': 'en' },
    });
    expect(fromOrganisation.json().data).toEqual([
      expect.objectContaining({
        direction: 'incoming',
        counterpart: { type: 'person', id: claire.id, name: 'Claire Fontaine' },
        label: 'Employs Claire Fontaine (Directrice)',
      }),
    ]);
    const [event] = (await eventsOf(t, created.json().id)).map((e) => e);
    expect(event).toMatchObject({ type: 'relationship.created', subjects: [claire.id, opera.id] });
  });

  it('links households symmetrically and organisations as parent and subsidiary', async () => {
    const a = await createPerson(t, agent, { firstName: 'Louis', lastName: 'Garnier' });
    const b = await createPerson(t, agent, { firstName: 'Inès', lastName: 'Garnier' });
    expect((await link({ kind: 'household', fromPersonId: a.id, toPersonId: b.id })).statusCode).toBe(201);
    for (const [person, other] of [
      [a, 'Inès Garnier'],
      [b, 'Louis Garnier'],
    ] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${person.id}/relationships`,
        headers: lecteur.headers,
      });
      expect(response.json().data[0].label).toBe(`Même foyer que ${other}`);
    }
    const group = await createOrganisation(t, agent, { name: 'Groupe Culture', type: 'entreprise' });
    const hall = await createOrganisation(t, agent, { name: 'Salle Pleyel', type: 'entreprise' });
    expect(
      (await link({ kind: 'parent', fromOrganisationId: group.id, toOrganisationId: hall.id })).statusCode,
    ).toBe(201);
    const groupView = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${group.id}/relationships`,
      headers: lecteur.headers,
    });
    expect(groupView.json().data[0].label).toBe('Maison mère de Salle Pleyel');
    const hallView = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${hall.id}`,
      headers: lecteur.headers,
    });
    expect(hallView.json().parents).toEqual([
      expect.objectContaining({ organisationId: group.id, name: 'Groupe Culture' }),
    ]);
    const hallLinks = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${hall.id}/relationships`,
      headers: lecteur.headers,
    });
    expect(hallLinks.json().data[0].label).toBe('Filiale de Groupe Culture');

    const cycle = await link({ kind: 'parent', fromOrganisationId: hall.id, toOrganisationId: group.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().code).toBe('relationships.parent_cycle');
  });

  it('refuses kinds that do not fit their ends, self-links and unknown records', async () => {
    const person = await createPerson(t, agent, { lastName: 'Seul' });
    const organisation = await createOrganisation(t, agent, {
      name: 'Association Seule',
      type: 'association',
    });
    const wrongEnds = await link({
      kind: 'employment',
      fromOrganisationId: organisation.id,
      toPersonId: person.id,
    });
    expect(wrongEnds.statusCode).toBe(400);
    expect(wrongEnds.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.fromPersonId',
      'body.toOrganisationId',
    ]);
    const self = await link({ kind: 'family', fromPersonId: person.id, toPersonId: person.id });
    expect(self.json().errors).toEqual([
      expect.objectContaining({ path: 'body.toPersonId', code: 'relationships.self' }),
    ]);
    const unknown = await link({
      kind: 'household',
      fromPersonId: person.id,
      toPersonId: '0190e4b6-0000-7000-8000-000000000000',
    });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: 'body.toPersonId', code: 'relationships.end_not_found' }),
    ]);
    const refused = await link({ kind: 'family', fromPersonId: person.id, toPersonId: person.id }, lecteur);
    expect(refused.statusCode).toBe(403);
  });

  it('updates with If-Match, ends an employment and deletes a link', async () => {
    const person = await createPerson(t, agent, { firstName: 'Marc', lastName: 'Leroy' });
    const organisation = await createOrganisation(t, agent, {
      name: 'Mairie de Nantes',
      type: 'collectivite',
    });
    const created = await link({
      kind: 'employment',
      fromPersonId: person.id,
      toOrganisationId: organisation.id,
    });
    const url = `/api/v1/relationships/${created.json().id}`;
    const badDates = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { startDate: '2020-01-01', endDate: '2019-01-01' },
    });
    expect(badDates.json().errors[0].code).toBe('relationships.dates_order');
    const ended = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { role: 'Adjoint à la culture', endDate: '2021-06-30' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ version: 2, role: 'Adjoint à la culture', endDate: '2021-06-30' });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { role: 'X' },
    });
    expect(stale.statusCode).toBe(412);
    const record = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: agent.headers,
    });
    expect(record.json().organisations).toEqual([]);
    const links = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}/relationships`,
      headers: agent.headers,
    });
    expect(links.json().data[0]).toMatchObject({
      current: false,
      label: 'Adjoint à la culture de Mairie de Nantes',
    });
    expect((await t.app.inject({ method: 'DELETE', url, headers: agent.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: agent.headers })).statusCode).toBe(404);
  });
});
