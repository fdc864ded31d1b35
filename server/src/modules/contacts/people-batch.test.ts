import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditLog, outboxEvents } from '../../platform/platform.tables.ts';
import { addresses, emails, people, phones } from './contacts.tables.ts';
import { countRows } from './contacts.test-support.ts';
import { createDemoGenerator } from './demo-data.ts';

describe('POST /api/v1/contacts:batch', () => {
  let t: TestApp;
  let agent: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
  });
  afterAll(async () => t?.close());

  it('creates 1,000 people in one request, with a result per item and errors for the faulty ones', async () => {
    const generator = createDemoGenerator(42);
    const items: Record<string, unknown>[] = Array.from({ length: 1000 }, (_, i) => ({
      ...generator.person(i),
    }));
    items[3] = { ...items[3], emails: [{ address: 'jean@' }] };
    items[500] = { ...items[500], birthDate: 'hier' };
    items[999] = { ...items[999], phones: [{ number: '12' }], addresses: [{ postalCode: '99999' }] };

    const started = performance.now();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:batch',
      headers: agent.headers,
      payload: { items },
    });
    const elapsed = performance.now() - started;
    expect(response.statusCode, response.body).toBe(200);
    console.info(
      `batch of 1,000 people: ${elapsed.toFixed(0)} ms (${(1000 / (elapsed / 1000)).toFixed(0)} people/s)`,
    );

    const { results } = response.json();
    expect(results).toHaveLength(1000);
    expect(results.map((r: { index: number }) => r.index)).toEqual([...Array(1000).keys()]);
    const failed = results.filter((r: { status: string }) => r.status === 'error');
    expect(failed.map((r: { index: number }) => r.index)).toEqual([3, 500, 999]);
    expect(failed[0].error).toMatchObject({
      status: 400,
      code: 'common.validation',
      errors: [{ path: 'body.items.3.emails.0.address', message: 'Adresse e-mail invalide' }],
    });
    expect(failed[1].error.errors).toEqual([expect.objectContaining({ path: 'body.items.500.birthDate' })]);
    expect(failed[2].error.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.items.999.phones.0.number',
      'body.items.999.addresses.0.postalCode',
    ]);

    const ids = results
      .filter((r: { status: string }) => r.status === 'created')
      .map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(997);
    expect(await countRows(t, people, inArray(people.id, ids))).toBe(997);
    expect(await countRows(t, emails, inArray(emails.personId, ids))).toBe(997);
    const withPhone = items.filter(
      (item, i) => ![3, 500, 999].includes(i) && (item.phones as unknown[]).length > 0,
    );
    expect(await countRows(t, phones, inArray(phones.personId, ids))).toBe(withPhone.length);
    expect(await countRows(t, addresses, inArray(addresses.personId, ids))).toBeGreaterThan(700);
    expect(
      await countRows(
        t,
        auditLog,
        and(eq(auditLog.action, 'contact.created'), inArray(auditLog.entityId, ids)),
      ),
    ).toBe(997);
    expect(
      await countRows(
        t,
        outboxEvents,
        and(eq(outboxEvents.type, 'contact.created'), inArray(outboxEvents.entityId, ids)),
      ),
    ).toBe(997);

    const sample = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${ids[0]}`,
      headers: agent.headers,
    });
    expect(sample.json()).toMatchObject({ firstName: items[0].firstName, source: 'démo', version: 1 });
  });

  it('refuses more than 1,000 items and a lecteur', async () => {
    const tooMany = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:batch',
      headers: agent.headers,
      payload: { items: Array.from({ length: 1001 }, () => ({ lastName: 'X' })) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('body.items');
    const lecteur = await buildUser(t, { roles: ['lecteur'] });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:batch',
      headers: lecteur.headers,
      payload: { items: [{ lastName: 'X' }] },
    });
    expect(refused.statusCode).toBe(403);
  });
});
