import { orderInputSchema } from '@parterre/contract/ticketing-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { systemScope } from '../../platform/scope.ts';
import type { CatalogueCache } from './catalogue-upsert.repository.ts';
import { createOrdersUpsertService } from './orders-upsert.service.ts';
import { buildLine, buildOrder, countRows, pushOrders } from './ticketing-test-data.ts';

async function query<T = Record<string, unknown>>(t: TestApp, text: string, values: unknown[] = []) {
  return (await t.database.sql.executeSql(text, values)).rows as T[];
}

describe('orders push API', () => {
  let t: TestApp;
  let agent: TestUser;
  let reader: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    reader = await buildUser(t, { roles: ['lecteur'] });
  });
  afterAll(async () => t?.close());

  const batch = [
    buildOrder('A1', {
      buyer: { externalId: 'C1', firstName: 'Jeanne', lastName: 'Martin', email: 'Jeanne.Martin@Exemple.fr' },
      lines: [buildLine('A1-1'), buildLine('A1-2', { priceCategory: 'Tarif réduit', amount: 20 })],
    }),
    buildOrder('A2', {
      buyer: {
        externalId: 'C2',
        firstName: 'Paul',
        lastName: 'Durand',
        phone: '06 12 34 56 78',
        email: 'pas-un-email',
      },
    }),
    buildOrder('A3', { buyer: { externalId: 'C1', firstName: 'Jeanne', lastName: 'Martin' } }),
  ];

  it('creates people, orders, lines and catalogue from a batch', async () => {
    const before = await countRows(t);
    const answer = await pushOrders(t, agent, 'billetweb', batch);
    expect(answer.counts).toEqual({ created: 3, updated: 0, unchanged: 0, error: 0 });
    expect(answer.results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    const after = await countRows(t);
    expect(after.people - before.people).toBe(2);
    expect(after.orders - before.orders).toBe(3);
    expect(after.ticket_lines - before.ticket_lines).toBe(4);
    const [jeanne] = await query<{ id: string; external_ids: Record<string, string> }>(
      t,
      `SELECT p.id, p.external_ids FROM people p JOIN emails e ON e.person_id = p.id WHERE e.address = 'jeanne.martin@exemple.fr'`,
    );
    expect(jeanne.external_ids).toEqual({ billetweb: 'C1' });
    const invalid = await query(t, `SELECT validity FROM emails WHERE address = 'pas-un-email'`);
    expect(invalid).toEqual([{ validity: 'invalid' }]);
    const [reduit] = await query(t, `SELECT kind FROM price_categories WHERE code = 'tarif reduit'`);
    expect(reduit).toEqual({ kind: 'reduit' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders/${answer.results[0].orderId}`,
      headers: reader.headers,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      externalId: 'A1',
      status: 'paid',
      total: 50,
      ticketCount: 2,
      productionTitles: ['Carmen'],
      buyer: { id: jeanne.id, name: 'Jeanne Martin' },
      lines: [
        {
          externalId: 'A1-1',
          amount: 30,
          status: 'valid',
          priceCategory: { label: 'Plein tarif', kind: 'plein' },
        },
        {
          externalId: 'A1-2',
          amount: 20,
          performance: { productionTitle: 'Carmen', venueName: 'Grande salle' },
          priceCategory: { kind: 'reduit' },
          holder: null,
        },
      ],
    });
  });

  it('answers unchanged to the same batch and writes nothing', async () => {
    const before = await countRows(t);
    const answer = await pushOrders(t, agent, 'billetweb', batch);
    expect(answer.counts).toEqual({ created: 0, updated: 0, unchanged: 3, error: 0 });
    expect(await countRows(t)).toEqual(before);
  });

  it('updates only the order that changed', async () => {
    const changed = [batch[0], { ...batch[1], channel: 'guichet' }, batch[2]];
    const answer = await pushOrders(t, agent, 'billetweb', changed);
    expect(answer.results.map((r) => r.status)).toEqual(['unchanged', 'updated', 'unchanged']);
    const [order] = await query(t, `SELECT channel, version FROM orders WHERE external_id = 'A2'`);
    expect(order).toEqual({ channel: 'guichet', version: 2 });
  });

  it('records a partial refund and lowers the spend', async () => {
    const [jeanne] = await query<{ person_id: string }>(
      t,
      `SELECT person_id FROM emails WHERE address = 'jeanne.martin@exemple.fr'`,
    );
    const spend = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/contacts/${jeanne.person_id}/ticketing`,
          headers: reader.headers,
        })
      ).json();
    expect((await spend()).spend.allTime).toBe(80);
    const refunded = {
      ...batch[0],
      lines: [
        buildLine('A1-1'),
        buildLine('A1-2', { priceCategory: 'Tarif réduit', amount: 20, status: 'refunded' }),
      ],
    };
    const answer = await pushOrders(t, agent, 'billetweb', [refunded]);
    expect(answer.results[0].status).toBe('updated');
    const [order] = await query(t, `SELECT status FROM orders WHERE external_id = 'A1'`);
    expect(order).toEqual({ status: 'partially_refunded' });
    const [line] = await query(t, `SELECT status FROM ticket_lines WHERE external_id = 'A1-2'`);
    expect(line).toEqual({ status: 'refunded' });
    const summary = await spend();
    expect(summary.spend.allTime).toBe(60);
    expect(summary.tickets.allTime).toBe(2);
    expect(summary.orders.allTime).toBe(2);
  });

  it('finds a buyer of another source by email instead of creating a duplicate', async () => {
    const before = await countRows(t);
    const answer = await pushOrders(t, agent, 'helloasso', [
      buildOrder('H1', {
        buyer: { firstName: 'Jeanne', lastName: 'MARTIN', email: ' jeanne.martin@exemple.FR ' },
      }),
    ]);
    expect(answer.results[0].status).toBe('created');
    const after = await countRows(t);
    expect(after.people).toBe(before.people);
    const people = await query(
      t,
      `SELECT DISTINCT o.buyer_person_id FROM orders o WHERE o.external_id IN ('A1', 'H1')`,
    );
    expect(people).toHaveLength(1);
  });

  it('keeps a holder apart from the buyer', async () => {
    const answer = await pushOrders(t, agent, 'billetweb', [
      buildOrder('G1', {
        buyer: { externalId: 'C9', firstName: 'Luc', lastName: 'Bernard', email: 'luc.bernard@exemple.fr' },
        lines: [
          buildLine('G1-1'),
          buildLine('G1-2', {
            holder: { firstName: 'Emma', lastName: 'Bernard', email: 'emma.bernard@exemple.fr' },
          }),
          buildLine('G1-3', { holder: { firstName: 'Luc', lastName: 'Bernard' } }),
        ],
      }),
    ]);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orders/${answer.results[0].orderId}`,
        headers: reader.headers,
      })
    ).json();
    expect(detail.buyer.name).toBe('Luc Bernard');
    expect(detail.lines.map((l: { holder: { name: string } | null }) => l.holder?.name ?? null)).toEqual([
      null,
      'Emma Bernard',
      null,
    ]);
    const emma = detail.lines[1].holder.id;
    const summary = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${emma}/ticketing`,
        headers: reader.headers,
      })
    ).json();
    expect(summary).toMatchObject({ orders: { allTime: 0 }, tickets: { allTime: 1 }, spend: { allTime: 0 } });
    expect(summary.recentOrders.map((o: { externalId: string }) => o.externalId)).toEqual(['G1']);
  });

  it('puts the order on the timelines of the buyer and the holders', async () => {
    const [order] = await query<{ id: string; buyer_person_id: string }>(
      t,
      `SELECT id, buyer_person_id FROM orders WHERE external_id = 'G1'`,
    );
    const events = await query<{ type: string; payload: Record<string, unknown>; subjects: string[] }>(
      t,
      `SELECT type, payload, subjects FROM outbox_events WHERE subjects @> ARRAY[$1::uuid] AND entity_type = 'order'`,
      [order.buyer_person_id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('order.imported');
    expect(events[0].subjects).toHaveLength(2);
    expect(events[0].payload).toMatchObject({
      orderId: order.id,
      source: 'billetweb',
      externalId: 'G1',
      total: 90,
      channel: 'web',
      productionTitles: ['Carmen'],
    });
    expect(events[0].payload.label).toMatch(/^3 billets · Carmen · 90,00\s€$/u);
    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${order.buyer_person_id}/timeline`,
      headers: reader.headers,
    });
    if (timeline.statusCode === 200) {
      expect(timeline.json().data.map((e: { type: string }) => e.type)).toContain('order.imported');
    }
  });

  it('answers an error for a faulty order and imports the others', async () => {
    const answer = await pushOrders(t, agent, 'billetweb', [
      buildOrder('E1', { orderedAt: 'hier' }),
      buildOrder('E2'),
      buildOrder('E2'),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['error', 'created', 'error']);
    expect(answer.results[0].error?.code).toBe('common.validation');
    expect(answer.results[2].error?.code).toBe('ticketing.duplicate_in_batch');
  });

  it('replays the first answer for the same Idempotency-Key', async () => {
    const orders = [buildOrder('K1')];
    const headers = { 'idempotency-key': 'batch-k1' };
    const first = await pushOrders(t, agent, 'billetweb', orders, headers);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ticketing/orders:batch',
      headers: { ...agent.headers, ...headers },
      payload: { source: 'billetweb', orders },
    });
    expect(first.results[0].status).toBe('created');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first);
  });

  it('lists orders by person and by performance, page by page', async () => {
    const [jeanne] = await query<{ person_id: string }>(
      t,
      `SELECT person_id FROM emails WHERE address = 'jeanne.martin@exemple.fr'`,
    );
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?personId=${jeanne.person_id}&limit=2`,
      headers: reader.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toHaveLength(2);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?personId=${jeanne.person_id}&limit=2&cursor=${first.json().nextCursor}`,
      headers: reader.headers,
    });
    const ids = [...first.json().data, ...second.json().data].map(
      (o: { externalId: string }) => o.externalId,
    );
    expect(ids.sort()).toEqual(['A1', 'A3', 'H1']);
    const [performance] = await query<{ id: string }>(
      t,
      `SELECT id FROM performances WHERE external_id = 'P-CARMEN-1' AND source = 'billetweb'`,
    );
    const byPerformance = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?performanceId=${performance.id}&limit=200`,
      headers: reader.headers,
    });
    expect(byPerformance.json().data.length).toBeGreaterThanOrEqual(6);
  });

  it('serves the file importer: catalogue cache, deferred summaries, people to check', async () => {
    const service = createOrdersUpsertService({ database: t.database });
    const scope = systemScope(t.context.defaultTenantId, 'import test');
    const cache: CatalogueCache = new Map();
    const orders = (ids: string[]) => ids.map((id) => orderInputSchema.parse(buildOrder(id)));
    const first = await service.upsertOrders(scope, {
      source: 'fichier',
      orders: orders(['F1']),
      dedupe: 'review',
      catalogueCache: cache,
      deferSummaries: true,
    });
    expect(first.counts.created).toBe(1);
    expect(first.newPeopleIds).toHaveLength(1);
    expect(first.concernedPeopleIds).toEqual(first.newPeopleIds);
    expect([...cache.keys()].sort()).toEqual([
      'performance:P-CARMEN-1',
      'price:plein tarif',
      'production:CARMEN',
      'venue:grande salle',
    ]);
    const summaries = await query(t, `SELECT 1 FROM person_ticketing_summaries WHERE person_id = $1`, [
      first.newPeopleIds[0],
    ]);
    expect(summaries).toEqual([]);
    const second = await service.upsertOrders(scope, {
      source: 'fichier',
      orders: orders(['F2']),
      dedupe: 'off',
      catalogueCache: cache,
    });
    expect(second.newPeopleIds).toEqual([]);
    const performances = await query(
      t,
      `SELECT DISTINCT performance_id FROM ticket_lines WHERE source = 'fichier'`,
    );
    expect(performances).toHaveLength(1);
  });

  it('refuses the push API to a reader', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ticketing/orders:batch',
      headers: reader.headers,
      payload: { source: 'billetweb', orders: [buildOrder('R1')] },
    });
    expect(response.statusCode).toBe(403);
  });
});
