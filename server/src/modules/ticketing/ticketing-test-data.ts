import type { TestUser } from '../../../test/builders.ts';
import type { TestApp } from '../../../test/test-app.ts';

/** Test data for the ticketing tests: an order of the push API, with sensible defaults. */
export function buildOrder(
  externalId: string,
  options: {
    buyer?: Record<string, unknown> | null;
    lines?: Record<string, unknown>[];
    status?: string;
    orderedAt?: string;
    total?: number;
  } = {},
) {
  return {
    externalId,
    orderedAt: options.orderedAt ?? '2026-10-01T19:00:00+02:00',
    channel: 'web',
    status: options.status ?? 'confirmed',
    ...(options.total !== undefined ? { total: options.total } : {}),
    buyer:
      options.buyer === undefined
        ? { externalId: `C-${externalId}`, firstName: 'Jeanne', lastName: `Acheteuse ${externalId}` }
        : options.buyer,
    lines: options.lines ?? [buildLine(`${externalId}-1`)],
  };
}

export function buildLine(externalId: string, options: Record<string, unknown> = {}) {
  return {
    externalId,
    performance: {
      externalId: 'P-CARMEN-1',
      startsAt: '2026-11-05T20:00:00+01:00',
      production: { externalId: 'CARMEN', title: 'Carmen', genre: 'Opéra' },
      venue: { name: 'Grande salle' },
    },
    priceCategory: 'Plein tarif',
    amount: 30,
    ...options,
  };
}

/** POSTs a batch and returns the parsed answer, failing loudly on a non-200. */
export async function pushOrders(
  t: TestApp,
  user: TestUser,
  source: string,
  orders: unknown[],
  headers: Record<string, string> = {},
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/ticketing/orders:batch',
    headers: { ...user.headers, ...headers },
    payload: { source, orders },
  });
  if (response.statusCode !== 200) throw new Error(`batch failed: ${response.statusCode} ${response.body}`);
  return response.json() as {
    results: { index: number; status: string; orderId?: string; error?: { code: string } }[];
    counts: Record<string, number>;
  };
}

/** Row counts of the tables a batch writes. */
export async function countRows(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'people',
    'emails',
    'orders',
    'ticket_lines',
    'performances',
    'productions',
    'outbox_events',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = (await t.database.sql.executeSql(`SELECT count(*)::int AS n FROM ${table}`)) as {
      rows: { n: number }[];
    };
    counts[table] = Number(result.rows[0].n);
  }
  return counts;
}
