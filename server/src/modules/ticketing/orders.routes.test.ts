import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildLine, buildOrder, pushOrders } from './ticketing-test-data.ts';

/**
 * F1 (web, 1 Oct at 23:30 in Paris, i.e. 21:30 UTC), F2 (guichet, 2 Oct, cancelled) from `billetweb`;
 * F3 (telephone, 3 Oct) from `guichet`.
 */
describe('orders list filters and order scans', () => {
  let t: TestApp;
  let agent: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    await pushOrders(t, agent, 'billetweb', [
      { ...buildOrder('F1', { orderedAt: '2026-10-01T23:30:00+02:00' }), channel: 'web' },
      {
        ...buildOrder('F2', { orderedAt: '2026-10-02T10:00:00+02:00', status: 'cancelled' }),
        channel: 'guichet',
      },
    ]);
    await pushOrders(t, agent, 'guichet', [
      {
        ...buildOrder('F3', {
          orderedAt: '2026-10-03T10:00:00+02:00',
          lines: [buildLine('F3-1'), buildLine('F3-2', { seat: 'B12' })],
        }),
        channel: 'telephone',
      },
    ]);
  });
  afterAll(async () => t?.close());

  const listed = async (query: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?${query}`,
      headers: agent.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().data.map((o: { externalId: string }) => o.externalId);
  };

  it('filters by status, channel and source', async () => {
    expect(await listed('')).toEqual(['F3', 'F2', 'F1']);
    expect(await listed('status=cancelled')).toEqual(['F2']);
    expect(await listed('channel=telephone')).toEqual(['F3']);
    expect(await listed('source=billetweb')).toEqual(['F2', 'F1']);
    expect(await listed('source=billetweb&status=paid')).toEqual(['F1']);
  });

  it('filters by days in Paris time, both ends included', async () => {
    expect(await listed('from=2026-10-02')).toEqual(['F3', 'F2']);
    expect(await listed('to=2026-10-01')).toEqual(['F1']);
    expect(await listed('from=2026-10-01&to=2026-10-02')).toEqual(['F2', 'F1']);
  });

  it('refuses an unknown status or a malformed day with field errors', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orders?status=lost&from=01/10/2026',
      headers: agent.headers,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([expect.stringMatching(/status/), expect.stringMatching(/from/)]),
    );
  });

  it('shows each ticket’s entry scans on the order', async () => {
    const scan = (externalId: string, scannedAt: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/visits',
        headers: agent.headers,
        payload: { source: 'guichet', externalId, ticketLineExternalId: 'F3-2', scannedAt },
      });
    expect((await scan('SC-2', '2026-11-05T20:05:00+01:00')).statusCode).toBe(201);
    expect((await scan('SC-1', '2026-11-05T19:55:00+01:00')).statusCode).toBe(201);
    const [id] = (
      await t.app.inject({ method: 'GET', url: '/api/v1/orders?channel=telephone', headers: agent.headers })
    )
      .json()
      .data.map((o: { id: string }) => o.id);
    const order = (
      await t.app.inject({ method: 'GET', url: `/api/v1/orders/${id}`, headers: agent.headers })
    ).json();
    const byLine = Object.fromEntries(
      order.lines.map((line: { externalId: string; scans: { scannedAt: string }[] }) => [
        line.externalId,
        line.scans.map((s) => s.scannedAt),
      ]),
    );
    expect(byLine).toEqual({
      'F3-1': [],
      'F3-2': ['2026-11-05T18:55:00.000Z', '2026-11-05T19:05:00.000Z'],
    });
  });
});
