import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildPerson } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { customFieldDefinitions } from '../contacts/contacts.tables.ts';
import { buildLine, buildOrder, pushOrders } from '../ticketing/ticketing-test-data.ts';
import { snapshotSizesJob } from './segments.jobs.ts';

const inLoireAtlantique = { field: 'geography.departement', operator: 'in', value: { codes: ['44'] } };
const tagged = (tag: string) => ({ field: 'identity.tags', operator: 'hasAny', value: { tags: [tag] } });

describe('segments API', () => {
  let t: TestApp;
  let agent: TestUser;
  let reader: TestUser;
  const ids: Record<string, string> = {};

  const call = (user: TestUser, method: string, url: string, payload?: unknown, headers = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...user.headers, ...headers },
      payload: payload as object,
    });

  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    reader = await buildUser(t, { roles: ['lecteur'] });
    ids.nantes = await buildPerson(t, { lastName: 'Abadie', postalCode: '44000', tags: ['abonné'] });
    ids.nantes2 = await buildPerson(t, { lastName: 'Bernard', postalCode: '44100' });
    ids.lyon = await buildPerson(t, { lastName: 'Carré', postalCode: '69001', tags: ['abonné'] });
    ids.deleted = await buildPerson(t, { lastName: 'Dupin', postalCode: '44000', deleted: true });
    await pushOrders(t, agent, 'billetterie', [
      buildOrder('A1', {
        buyer: { externalId: 'B1', firstName: 'Eva', lastName: 'Acheteuse', email: 'eva@example.org' },
        lines: [buildLine('A1-1'), buildLine('A1-2')],
      }),
    ]);
  });
  afterAll(async () => t?.close());

  it('describes the criteria registry, hiding birth-date criteria from callers without sensitive access', async () => {
    const admin = await buildUser(t, { roles: ['administrateur'] });
    const forAdmin = (await call(admin, 'GET', '/api/v1/segments/fields')).json();
    const forReader = (await call(reader, 'GET', '/api/v1/segments/fields')).json();
    const fieldIds = (body: { data: { id: string }[] }) => body.data.map((f) => f.id);
    expect(fieldIds(forAdmin)).toEqual(
      expect.arrayContaining([
        'identity.ageBand',
        'geography.departement',
        'purchases.tickets',
        'membership.segment',
      ]),
    );
    expect(fieldIds(forReader)).not.toContain('identity.ageBand');
    const tickets = forAdmin.data.find((f: { id: string }) => f.id === 'purchases.tickets');
    expect(tickets.valueSchema.properties.count).toBeDefined();
    expect(forAdmin.categories.map((c: { id: string }) => c.id)).toContain('purchases');
  });

  it('documents every segment and list route in OpenAPI, with the criteria schema', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/segments',
        '/api/v1/segments/fields',
        '/api/v1/segments:count',
        '/api/v1/segments:overlap',
        '/api/v1/segments/{id}',
        '/api/v1/segments/{id}/count',
        '/api/v1/segments/{id}/members',
        '/api/v1/segments/{id}/history',
        '/api/v1/segments/{id}/snapshot',
        '/api/v1/lists',
        '/api/v1/lists/{id}',
        '/api/v1/lists/{id}/members',
      ]),
    );
    expect(document.components.schemas.SegmentCriteria.properties.rules).toBeDefined();
  });

  it('accepts the documented example of every criterion, custom fields included', async () => {
    const admin = await buildUser(t, { roles: ['administrateur'] });
    for (const [key, type] of [
      ['abonnement', 'choice'],
      ['centres', 'multi_choice'],
      ['places', 'number'],
      ['adhesion', 'date'],
      ['benevole', 'boolean'],
      ['profession', 'text'],
    ]) {
      await t.database.db.insert(customFieldDefinitions).values({
        id: newId(),
        tenantId: t.context.defaultTenantId,
        entity: 'person',
        key,
        label: key,
        type,
        options: type.endsWith('choice') ? ['a', 'b'] : [],
      });
    }
    const fields = (await call(admin, 'GET', '/api/v1/segments/fields')).json().data as {
      id: string;
      example: { field: string; value: { ids?: string[] } };
    }[];
    expect(fields.map((f) => f.id)).toEqual(
      expect.arrayContaining(['customFields.abonnement', 'customFields.profession']),
    );
    const segment = (
      await call(admin, 'POST', '/api/v1/segments', { name: 'Exemple', criteria: { op: 'and', rules: [] } })
    ).json().id;
    const failures: string[] = [];
    for (const { id, example } of fields) {
      const rule = id === 'membership.segment' ? { ...example, value: { ids: [segment] } } : example;
      const response = await call(admin, 'POST', '/api/v1/segments:count', {
        criteria: { op: 'and', rules: [rule] },
      });
      if (response.statusCode !== 200)
        failures.push(`${id}: ${response.statusCode} ${response.json().detail}`);
    }
    expect(failures).toEqual([]);
  });

  it('counts unsaved criteria with a sample of members, leaving deleted people out', async () => {
    const response = await call(agent, 'POST', '/api/v1/segments:count', {
      criteria: { op: 'and', rules: [inLoireAtlantique] },
      sample: 5,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().count).toBe(2);
    expect(response.json().sample.map((p: { lastName: string }) => p.lastName)).toEqual([
      'Abadie',
      'Bernard',
    ]);
  });

  it('refuses invalid criteria with a 400 naming the faulty rule, in French and in English', async () => {
    const criteria = {
      op: 'and',
      rules: [
        inLoireAtlantique,
        { op: 'or', rules: [{ field: 'geography.departement', operator: 'hasAll', value: {} }] },
      ],
    };
    const fr = await call(agent, 'POST', '/api/v1/segments', { name: 'Cassé', criteria });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().code).toBe('segments.bad_criteria');
    expect(fr.json().detail).toContain('rules[1].rules[0]');
    expect(fr.json().errors[0].path).toBe('criteria.rules[1].rules[0].operator');
    const en = await call(agent, 'POST', '/api/v1/segments:count', { criteria }, { 'accept-language': 'en' });
    expect(en.json().detail).toMatch(/^Invalid criteria, rule rules\[1\]\.rules\[0\]: operator "hasAll"/);
    const badValue = await call(agent, 'POST', '/api/v1/segments:count', {
      criteria: {
        op: 'and',
        rules: [{ field: 'purchases.tickets', operator: 'gte', value: { count: 'deux' } }],
      },
    });
    expect(badValue.json().errors[0].path).toBe('criteria.rules[0].value.count');
    const unknown = await call(agent, 'POST', '/api/v1/segments:count', {
      criteria: { op: 'and', rules: [{ field: 'identity.shoeSize', operator: 'in', value: {} }] },
    });
    expect(unknown.json().errors[0].path).toBe('criteria.rules[0].field');
  });

  it('refuses the birth-date criterion to callers who may not see birth dates', async () => {
    const response = await call(agent, 'POST', '/api/v1/segments:count', {
      criteria: {
        op: 'and',
        rules: [{ field: 'identity.ageBand', operator: 'in', value: { codes: ['18-24'] } }],
      },
    });
    expect(response.statusCode).toBe(200);
    const refused = await call(reader, 'POST', '/api/v1/segments:count', {
      criteria: {
        op: 'and',
        rules: [{ field: 'identity.ageBand', operator: 'in', value: { codes: ['18-24'] } }],
      },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('saves, reads, counts, pages members, updates with If-Match and deletes a segment, with audit and events', async () => {
    const created = await call(agent, 'POST', '/api/v1/segments', {
      name: 'Loire-Atlantique',
      criteria: { op: 'and', rules: [inLoireAtlantique] },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const read = await call(reader, 'GET', `/api/v1/segments/${id}`);
    expect(read.json().name).toBe('Loire-Atlantique');
    expect(read.headers.etag).toBe('"1"');
    expect((await call(reader, 'GET', `/api/v1/segments/${id}/count`)).json()).toEqual({ count: 2 });
    const page1 = (await call(reader, 'GET', `/api/v1/segments/${id}/members?limit=1`)).json();
    expect(page1.data.map((p: { id: string }) => p.id)).toEqual([ids.nantes]);
    const page2 = (
      await call(reader, 'GET', `/api/v1/segments/${id}/members?limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.data.map((p: { id: string }) => p.id)).toEqual([ids.nantes2]);
    expect(page2.nextCursor).toBeNull();
    const list = (await call(reader, 'GET', '/api/v1/segments')).json();
    expect(list.data.map((s: { id: string }) => s.id)).toContain(id);

    const change = { criteria: { op: 'and', rules: [inLoireAtlantique, tagged('abonné')] } };
    expect((await call(agent, 'PATCH', `/api/v1/segments/${id}`, change)).statusCode).toBe(428);
    const stale = await call(agent, 'PATCH', `/api/v1/segments/${id}`, change, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ id, version: 1, name: 'Loire-Atlantique' });
    const updated = await call(agent, 'PATCH', `/api/v1/segments/${id}`, change, { 'if-match': '"1"' });
    expect(updated.json().version).toBe(2);
    expect((await call(reader, 'GET', `/api/v1/segments/${id}/count`)).json()).toEqual({ count: 1 });
    expect((await call(reader, 'DELETE', `/api/v1/segments/${id}`)).statusCode).toBe(403);
    expect((await call(agent, 'DELETE', `/api/v1/segments/${id}`)).statusCode).toBe(204);
    expect((await call(reader, 'GET', `/api/v1/segments/${id}`)).statusCode).toBe(404);

    const audit = await t.database.sql.executeSql(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, action`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'segment.created',
      'segment.updated',
      'segment.deleted',
    ]);
    const events = await t.database.sql.executeSql(`SELECT type FROM outbox_events WHERE entity_id = $1`, [
      id,
    ]);
    expect(events.rows.map((r) => r.type).sort()).toEqual([
      'segment.created',
      'segment.deleted',
      'segment.updated',
    ]);
  });

  it('evaluates membership of another segment and refuses a cycle, and a deletion while in use', async () => {
    const base = (
      await call(agent, 'POST', '/api/v1/segments', {
        name: 'Abonnés',
        criteria: { op: 'and', rules: [tagged('abonné')] },
      })
    ).json().id;
    const member = { field: 'membership.segment', operator: 'in', value: { ids: [base] } };
    const outer = (
      await call(agent, 'POST', '/api/v1/segments', {
        name: 'Abonnés hors 44',
        criteria: { op: 'and', rules: [member, { op: 'and', not: true, rules: [inLoireAtlantique] }] },
      })
    ).json().id;
    expect((await call(agent, 'GET', `/api/v1/segments/${outer}/count`)).json()).toEqual({ count: 1 });
    const cycle = await call(
      agent,
      'PATCH',
      `/api/v1/segments/${base}`,
      {
        criteria: {
          op: 'or',
          rules: [tagged('abonné'), { field: 'membership.segment', operator: 'in', value: { ids: [outer] } }],
        },
      },
      { 'if-match': '"1"' },
    );
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().detail).toContain('rules[1]');
    const inUse = await call(agent, 'DELETE', `/api/v1/segments/${base}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('segments.in_use');
  });

  it('keeps static lists: create, add and remove members, snapshot a segment, overlap, rename, delete', async () => {
    const list = await call(agent, 'POST', '/api/v1/lists', { name: 'Invités' });
    expect(list.statusCode).toBe(201);
    const listId = list.json().id;
    const added = await call(agent, 'POST', `/api/v1/lists/${listId}/members`, {
      add: [ids.nantes, ids.lyon],
    });
    expect(added.json()).toEqual({ added: 2, removed: 0, memberCount: 2 });
    const removed = await call(agent, 'POST', `/api/v1/lists/${listId}/members`, { remove: [ids.lyon] });
    expect(removed.json()).toEqual({ added: 0, removed: 1, memberCount: 1 });
    const refused = await call(agent, 'POST', `/api/v1/lists/${listId}/members`, { add: [ids.deleted] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('lists.unknown_people');
    const members = (await call(reader, 'GET', `/api/v1/lists/${listId}/members`)).json();
    expect(members.data.map((p: { id: string }) => p.id)).toEqual([ids.nantes]);

    const segment = (
      await call(agent, 'POST', '/api/v1/segments', {
        name: '44',
        criteria: { op: 'and', rules: [inLoireAtlantique] },
      })
    ).json().id;
    const snapshot = await call(agent, 'POST', `/api/v1/segments/${segment}/snapshot`, {
      name: '44 au 3 décembre',
    });
    expect(snapshot.statusCode).toBe(201);
    expect(snapshot.json()).toMatchObject({ memberCount: 2, sourceSegmentId: segment });

    const overlap = await call(reader, 'POST', '/api/v1/segments:overlap', {
      sets: [
        { kind: 'segment', id: segment },
        { kind: 'list', id: listId },
      ],
    });
    expect(overlap.json()).toEqual({
      totals: [2, 1],
      regions: [
        { sets: [0], count: 1 },
        { sets: [1], count: 0 },
        { sets: [0, 1], count: 1 },
      ],
      union: 2,
    });
    const viaList = await call(agent, 'POST', '/api/v1/segments:count', {
      criteria: {
        op: 'and',
        rules: [{ field: 'membership.list', operator: 'in', value: { ids: [listId] } }],
      },
    });
    expect(viaList.json().count).toBe(1);

    const current = (await call(reader, 'GET', `/api/v1/lists/${listId}`)).json();
    const renamed = await call(
      agent,
      'PATCH',
      `/api/v1/lists/${listId}`,
      { name: 'Invités du gala' },
      {
        'if-match': `"${current.version}"`,
      },
    );
    expect(renamed.json().name).toBe('Invités du gala');
    const stale = await call(
      agent,
      'PATCH',
      `/api/v1/lists/${listId}`,
      { name: 'Invités' },
      { 'if-match': `"${current.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ id: listId, name: 'Invités du gala' });
    expect((await call(reader, 'GET', '/api/v1/lists')).json().data.length).toBeGreaterThanOrEqual(2);
    expect((await call(agent, 'DELETE', `/api/v1/lists/${listId}`)).statusCode).toBe(204);
    expect((await call(reader, 'GET', `/api/v1/lists/${listId}`)).statusCode).toBe(404);
  });

  it('records the daily size of each segment through the snapshot job, once per day', async () => {
    const segment = (
      await call(agent, 'POST', '/api/v1/segments', {
        name: 'Acheteurs',
        criteria: {
          op: 'and',
          rules: [{ field: 'purchases.tickets', operator: 'gte', value: { count: 2 } }],
        },
      })
    ).json().id;
    for (let run = 0; run < 2; run++) {
      const jobId = await t.context.jobs.enqueue(
        {
          tenantId: t.context.defaultTenantId,
          principal: { kind: 'system', name: 'test' },
          ip: null,
          locale: 'fr',
        },
        snapshotSizesJob,
        {},
      );
      const status = async () =>
        (await t.database.sql.executeSql('SELECT status FROM job_runs WHERE id = $1', [jobId])).rows[0]
          .status;
      await expect.poll(status, { timeout: 30_000 }).toBe('succeeded');
    }
    const schedule = await t.database.sql.executeSql(
      `SELECT cron, options->>'tz' AS tz FROM pgboss.schedule WHERE name = 'segments.snapshot-sizes'`,
    );
    expect(schedule.rows).toEqual([{ cron: '15 3 * * *', tz: 'Europe/Paris' }]);
    const history = (await call(reader, 'GET', `/api/v1/segments/${segment}/history`)).json();
    expect(history.data).toHaveLength(1);
    expect(history.data[0].count).toBe(1);
  });

  it('turns a scheduled trigger into one visible run per tenant', async () => {
    const runs = async () =>
      (
        await t.database.sql.executeSql(
          `SELECT status FROM job_runs WHERE type = 'segments.snapshot-sizes' AND created_by IS NULL
            AND tenant_id = $1 ORDER BY created_at`,
          [t.context.defaultTenantId],
        )
      ).rows.map((r) => r.status);
    const before = (await runs()).length;
    // What pg-boss's scheduler sends at 03:15: the job's queue, the trigger as data.
    await t.database.sql.executeSql(`INSERT INTO pgboss.job (name, data) VALUES ($1, $2::jsonb)`, [
      'segments.snapshot-sizes',
      JSON.stringify({ scheduled: true }),
    ]);
    await expect.poll(async () => (await runs()).slice(before), { timeout: 30_000 }).toEqual(['succeeded']);
  });
});
