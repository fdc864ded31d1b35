import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildOrder, countRows } from './ticketing-test-data.ts';

const SECRET = 'un-secret-partage-de-test-0123456789';
const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('ticketing webhooks', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    agent = await buildUser(t, { roles: ['agent'] });
    for (const source of ['billetweb', 'helloasso']) {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/ticketing/webhook-secrets/${source}`,
        headers: admin.headers,
        payload: { secret: SECRET },
      });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    }
  });
  afterAll(async () => t?.close());

  const deliver = (source: string, body: string, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/ticketing/webhooks/${source}`,
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-parterre-signature': signature } : {}),
      },
      payload: body,
    });

  it('keeps the secret out of answers and audit, and out of reach of non-administrators', async () => {
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/ticketing/webhook-secrets/billetweb',
      headers: agent.headers,
      payload: { secret: 'tentative-de-remplacement' },
    });
    expect(refused.statusCode).toBe(403);
    const stored = await t.database.sql.executeSql(
      `SELECT s.value::text AS value, (SELECT after::text FROM audit_log WHERE action = 'ticketing.webhook_secret_set' LIMIT 1) AS audit
       FROM settings s WHERE key = 'ticketing.webhook_secret.billetweb'`,
    );
    const row = stored.rows[0] as { value: string; audit: string };
    expect(row.value).not.toContain(SECRET);
    expect(row.audit).not.toContain(SECRET);
  });

  it('accepts a signed batch and ignores a replay of it', async () => {
    const body = JSON.stringify({ orders: [buildOrder('W1'), buildOrder('W2')] });
    const first = await deliver('billetweb', body, sign(body));
    expect(first.statusCode).toBe(200);
    expect(first.json().counts).toEqual({ created: 2, updated: 0, unchanged: 0, error: 0 });
    const before = await countRows(t);
    const replay = await deliver('billetweb', body, sign(body));
    expect(replay.statusCode).toBe(200);
    expect(replay.json().counts).toEqual({ created: 0, updated: 0, unchanged: 2, error: 0 });
    expect(await countRows(t)).toEqual(before);
    const [actor] = (
      await t.database.sql.executeSql(
        `SELECT actor_name FROM audit_log WHERE action = 'order.imported' LIMIT 1`,
      )
    ).rows as { actor_name: string }[];
    expect(actor.actor_name).toBe('webhook billetweb');
  });

  it('refuses a missing, wrong or other-source signature with 401 and writes nothing', async () => {
    const body = JSON.stringify({ orders: [buildOrder('W3')] });
    const before = await countRows(t);
    for (const signature of [
      undefined,
      sign(body, 'un-autre-secret-pas-le-bon-000'),
      'sha256=zz',
      sign(`${body} `),
    ]) {
      const response = await deliver('billetweb', body, signature);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('ticketing.bad_signature');
    }
    const unknownSource = await deliver('inconnu', body, sign(body));
    expect(unknownSource.statusCode).toBe(401);
    expect(await countRows(t)).toEqual(before);
  });

  it('maps a HelloAsso order notification', async () => {
    const body = JSON.stringify({
      eventType: 'Order',
      data: {
        id: 9307923,
        date: '2020-11-14T11:13:08.2972161+00:00',
        amount: { total: 1500 },
        formSlug: 'concert-de-noel',
        formType: 'Event',
        organizationSlug: 'asso-slug',
        payer: { email: 'robert.petit@exemple.fr', firstName: 'Robert', lastName: 'Petit', country: 'FRA' },
        items: [{ id: 1, name: 'Tarif réduit', amount: 1500, type: 'Registration', state: 'Processed' }],
      },
    });
    const response = await deliver('helloasso', body, sign(body));
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toMatchObject([{ externalId: '9307923', status: 'created' }]);
    const order = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders/${response.json().results[0].orderId}`,
      headers: agent.headers,
    });
    expect(order.json()).toMatchObject({
      source: 'helloasso',
      total: 15,
      buyer: { name: 'Robert Petit' },
      lines: [
        {
          amount: 15,
          priceCategory: { kind: 'reduit' },
          performance: { productionTitle: 'Concert de noel' },
        },
      ],
    });
    const other = JSON.stringify({ eventType: 'Form', data: { id: 1 } });
    expect((await deliver('helloasso', other, sign(other))).json().results).toEqual([]);
  });

  it('answers 400 to a signed body it cannot read', async () => {
    const body = '{"orders": [';
    expect((await deliver('billetweb', body, sign(body))).statusCode).toBe(400);
    expect((await deliver('billetweb', body)).statusCode).toBe(401);
    const shapeless = JSON.stringify({ hello: 'world' });
    expect((await deliver('billetweb', shapeless, sign(shapeless))).statusCode).toBe(400);
  });
});
