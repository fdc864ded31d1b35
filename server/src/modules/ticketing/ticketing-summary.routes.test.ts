import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildOrder, pushOrders } from './ticketing-test-data.ts';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function line(externalId: string, performance: 'old' | 'recent' | 'future', amount: number, extra = {}) {
  const shows = {
    old: { title: 'Hamlet', genre: 'Théâtre', venue: 'Salle A', startsAt: ago(395) },
    recent: { title: 'Giselle', genre: 'Danse', venue: 'Salle B', startsAt: ago(30) },
    future: { title: 'Carmen', genre: 'Opéra', venue: 'Salle B', startsAt: ago(-60) },
  }[performance];
  return {
    externalId,
    performance: {
      externalId: `P-${performance}`,
      startsAt: shows.startsAt,
      production: { externalId: shows.title, title: shows.title, genre: shows.genre },
      venue: { name: shows.venue },
    },
    amount,
    ...extra,
  };
}

/**
 * Hand-checked figures. Anne buys S1 (13 months ago, 2 × 25 for Hamlet, performed 13 months ago),
 * S2 (2 months ago: 30 valid, 20 refunded, 10 for Bruno, Giselle performed a month ago), S3
 * (cancelled) and S4 (3 days ago, 2 × 15 for Carmen, in two months). Bruno holds one ticket of S2.
 */
describe('ticketing summary of a person', () => {
  let t: TestApp;
  let agent: TestUser;
  let anne: string;
  let bruno: string;
  const anneBuyer = {
    externalId: 'ANNE',
    firstName: 'Anne',
    lastName: 'Morel',
    email: 'anne.morel@exemple.fr',
  };
  const brunoHolder = { firstName: 'Bruno', lastName: 'Morel', email: 'bruno.morel@exemple.fr' };

  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    const answer = await pushOrders(t, agent, 'guichet', [
      buildOrder('S1', {
        buyer: anneBuyer,
        orderedAt: ago(400),
        lines: [line('S1-1', 'old', 25), line('S1-2', 'old', 25)],
      }),
      buildOrder('S2', {
        buyer: anneBuyer,
        orderedAt: ago(60),
        lines: [
          line('S2-1', 'recent', 30),
          line('S2-2', 'recent', 20, { status: 'refunded' }),
          line('S2-3', 'recent', 10, { holder: brunoHolder }),
        ],
      }),
      buildOrder('S3', {
        buyer: anneBuyer,
        orderedAt: ago(7),
        status: 'cancelled',
        lines: [line('S3-1', 'future', 40)],
      }),
      buildOrder('S4', {
        buyer: anneBuyer,
        orderedAt: ago(3),
        lines: [line('S4-1', 'future', 15), line('S4-2', 'future', 15)],
      }),
    ]);
    expect(answer.counts.created).toBe(4);
    const people = (await t.database.sql.executeSql(
      `SELECT address, person_id FROM emails WHERE address IN ('anne.morel@exemple.fr', 'bruno.morel@exemple.fr')`,
    )) as { rows: { address: string; person_id: string }[] };
    const byEmail = new Map(people.rows.map((r) => [r.address, r.person_id]));
    anne = byEmail.get('anne.morel@exemple.fr')!;
    bruno = byEmail.get('bruno.morel@exemple.fr')!;
  });
  afterAll(async () => t?.close());

  const summaryOf = async (id: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${id}/ticketing`, headers: agent.headers })
    ).json();

  it('counts the buyer’s orders and spend, and the tickets each one holds', async () => {
    const summary = await summaryOf(anne);
    expect(summary).toMatchObject({
      orders: { last12Months: 2, allTime: 3 },
      spend: { last12Months: 70, allTime: 120 },
      tickets: { last12Months: 3, allTime: 5 },
      visits: { last12Months: 1, allTime: 2 },
      favouriteDisciplines: ['Opéra', 'Théâtre', 'Danse'],
    });
    expect(summary.favouriteVenues.map((v: { name: string }) => v.name)).toEqual(['Salle B', 'Salle A']);
    expect(Date.parse(summary.firstOrderAt)).toBeCloseTo(Date.parse(ago(400)), -5);
    expect(Date.parse(summary.lastOrderAt)).toBeCloseTo(Date.parse(ago(3)), -5);
    expect(Date.parse(summary.firstVisitAt)).toBeCloseTo(Date.parse(ago(395)), -5);
    expect(Date.parse(summary.lastVisitAt)).toBeCloseTo(Date.parse(ago(30)), -5);
    expect(summary.recentOrders.map((o: { externalId: string }) => o.externalId)).toEqual([
      'S4',
      'S3',
      'S2',
      'S1',
    ]);
  });

  it('gives the holder the ticket and the visit, not the order nor the spend', async () => {
    expect(await summaryOf(bruno)).toMatchObject({
      orders: { last12Months: 0, allTime: 0 },
      spend: { last12Months: 0, allTime: 0 },
      tickets: { last12Months: 1, allTime: 1 },
      visits: { last12Months: 1, allTime: 1 },
      favouriteDisciplines: ['Danse'],
      favouriteVenues: [{ name: 'Salle B' }],
    });
  });

  it('records a scan once, and counts a visit without performance', async () => {
    const scan = {
      source: 'guichet',
      externalId: 'SCAN-1',
      ticketLineExternalId: 'S1-1',
      scannedAt: ago(395),
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits',
      headers: agent.headers,
      payload: scan,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ personId: anne, ticketLineId: expect.any(String) });
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits',
      headers: agent.headers,
      payload: scan,
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    // Same performance as a ticket Anne held: still two distinct visits.
    expect((await summaryOf(anne)).visits).toEqual({ last12Months: 1, allTime: 2 });

    const museum = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits',
      headers: agent.headers,
      payload: { source: 'musee', externalId: 'V-77', personId: bruno, scannedAt: ago(10) },
    });
    expect(museum.statusCode).toBe(201);
    const summary = await summaryOf(bruno);
    expect(summary.visits).toEqual({ last12Months: 2, allTime: 2 });
    expect(Date.parse(summary.lastVisitAt)).toBeCloseTo(Date.parse(ago(10)), -5);
  });

  it('refuses a scan of an unknown ticket and answers zeros or 404 for people', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits',
      headers: agent.headers,
      payload: { source: 'guichet', externalId: 'SCAN-X', ticketLineExternalId: 'NOPE', scannedAt: ago(0) },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ticketing.unknown_ticket');
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: agent.headers,
      payload: { lastName: 'Inconnu' },
    });
    expect(await summaryOf(stranger.json().id)).toMatchObject({ orders: { allTime: 0 }, recentOrders: [] });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/01900000-0000-7000-8000-000000000000/ticketing',
      headers: agent.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});
