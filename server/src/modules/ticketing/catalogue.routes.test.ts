import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('ticketing catalogue API', () => {
  let t: TestApp;
  let agent: TestUser;
  let reader: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    reader = await buildUser(t, { roles: ['lecteur'] });
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: unknown, user = agent) =>
    t.app.inject({ method: 'POST', url, headers: user.headers, payload: payload as object });

  it('creates, reads, updates and deletes a venue entered by hand', async () => {
    const created = await post('/api/v1/venues', { name: 'Grande salle', city: 'Lyon', capacity: 800 });
    expect(created.statusCode).toBe(201);
    const venue = created.json();
    expect(venue).toMatchObject({
      name: 'Grande salle',
      source: 'parterre',
      externalId: venue.id,
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/venues/${venue.id}`);

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/venues/${venue.id}`,
      headers: reader.headers,
    });
    expect(read.json()).toEqual(venue);

    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/venues/${venue.id}`,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { capacity: 750 },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ capacity: 750, city: 'Lyon', version: 2 });

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/venues/${venue.id}`,
      headers: agent.headers,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/v1/venues/${venue.id}`,
      headers: reader.headers,
    });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('ticketing.not_found');
  });

  it('refuses a stale update with 412 and the current row, and one without If-Match with 428', async () => {
    const season = (
      await post('/api/v1/seasons', { name: 'Saison 2026-2027', startsOn: '2026-09-01' })
    ).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/seasons/${season.id}`,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { endsOn: '2027-06-30' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/seasons/${season.id}`,
      headers: { ...agent.headers, 'if-match': '"1"' },
      payload: { name: 'Autre nom' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'common.stale',
      current: { version: 2, endsOn: '2027-06-30' },
    });
    const missing = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/seasons/${season.id}`,
      headers: agent.headers,
      payload: { name: 'Autre nom' },
    });
    expect(missing.statusCode).toBe(428);
  });

  it('links productions and performances, checks references and refuses deleting what is used', async () => {
    const season = (await post('/api/v1/seasons', { name: 'Saison 2025-2026' })).json();
    const venue = (await post('/api/v1/venues', { name: 'Studio' })).json();
    const production = await post('/api/v1/productions', {
      title: 'Le Misanthrope',
      kind: 'spectacle',
      discipline: 'théâtre',
      seasonId: season.id,
    });
    expect(production.statusCode).toBe(201);
    const unknown = await post('/api/v1/performances', {
      productionId: '01900000-0000-7000-8000-000000000000',
      startsAt: '2026-01-10T20:00:00+01:00',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      path: 'body.productionId',
      code: 'ticketing.unknown_reference',
    });
    const performance = await post('/api/v1/performances', {
      productionId: production.json().id,
      venueId: venue.id,
      startsAt: '2026-01-10T20:00:00+01:00',
      capacity: 120,
    });
    expect(performance.statusCode).toBe(201);
    expect(performance.json()).toMatchObject({ startsAt: '2026-01-10T19:00:00.000Z', capacity: 120 });
    const used = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/productions/${production.json().id}`,
      headers: agent.headers,
    });
    expect(used.statusCode).toBe(409);
    expect(used.json().code).toBe('ticketing.in_use');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances?productionId=${production.json().id}`,
      headers: reader.headers,
    });
    expect(list.json().data.map((p: { id: string }) => p.id)).toEqual([performance.json().id]);
    const other = (await post('/api/v1/seasons', { name: 'Saison 2024-2025' })).json();
    const bySeason = async (seasonId: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/performances?seasonId=${seasonId}`,
          headers: reader.headers,
        })
      )
        .json()
        .data.map((p: { id: string }) => p.id);
    expect(await bySeason(season.id)).toEqual([performance.json().id]);
    expect(await bySeason(other.id)).toEqual([]);
  });

  it('upserts on the source system ids', async () => {
    const first = await post('/api/v1/productions', {
      source: 'billetweb',
      externalId: 'EV-1',
      title: 'Carmen',
    });
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/productions', {
      source: 'billetweb',
      externalId: 'EV-1',
      title: 'Carmen (reprise)',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, title: 'Carmen (reprise)', version: 2 });
    const half = await post('/api/v1/productions', { source: 'billetweb', title: 'Sans id' });
    expect(half.statusCode).toBe(400);
  });

  it('infers the kind of a price category from its label and refuses a duplicate label', async () => {
    const young = await post('/api/v1/price-categories', { label: 'Moins de 26 ans' });
    expect(young.json()).toMatchObject({ code: 'moins de 26 ans', kind: 'jeune' });
    const given = await post('/api/v1/price-categories', { label: 'Tarif C', kind: 'groupe' });
    expect(given.json().kind).toBe('groupe');
    const duplicate = await post('/api/v1/price-categories', { label: 'MOINS DE 26 ANS' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('ticketing.duplicate');
  });

  it('pages through a list in name order', async () => {
    for (const name of ['Zénith', 'Atelier', 'Foyer']) await post('/api/v1/venues', { name });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/venues?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: reader.headers })).json();
      names.push(...page.data.map((v: { name: string }) => v.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Atelier', 'Foyer', 'Studio', 'Zénith']);
  });

  it('lets a reader read but not write', async () => {
    const refused = await post('/api/v1/venues', { name: 'Interdit' }, reader);
    expect(refused.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/productions', headers: reader.headers });
    expect(list.statusCode).toBe(200);
  });
});
