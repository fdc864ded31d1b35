import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import {
  buildCustomField,
  buildPeople,
  buildPerson,
  createContactsTestApp,
  departmentIdOf,
} from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { duplicatePairs } from '../identity/identity.tables.ts';
import { addresses, emails, phones } from './contacts.tables.ts';

type Item = { id: string; lastName: string; customFields: Record<string, unknown>; [key: string]: unknown };

describe('GET /api/v1/contacts', () => {
  let t: TestApp;
  let agent: TestUser;
  let reader: TestUser;
  let billetterie: string;
  const ids: Record<string, string> = {};

  const list = async (query: Record<string, string>, user = agent) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?${new URLSearchParams(query)}`,
      headers: user.headers,
    });
    return response;
  };
  const idsOf = async (filter: unknown) => {
    const response = await list({ filter: JSON.stringify(filter), limit: '500' });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().data as Item[]).map((item) => item.id).sort();
  };
  const rule = (field: string, op: string, value?: unknown) => ({ all: [{ field, op, value }] });

  beforeAll(async () => {
    t = await createContactsTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    reader = await buildUser(t, { roles: ['lecteur'] });
    billetterie = await departmentIdOf(t, 'billetterie');
    await buildCustomField(t, { key: 'abonne', type: 'boolean' });
    await buildCustomField(t, { key: 'places', type: 'number' });
    await buildCustomField(t, { key: 'adhesion', type: 'date' });
    await buildCustomField(t, { key: 'gouts', type: 'multi_choice', options: ['danse', 'opera', 'jazz'] });
    await buildCustomField(t, { key: 'revenu', type: 'text', sensitive: true });
    ids.anne = await buildPerson(t, {
      civility: 'Mme',
      firstName: 'Anne',
      lastName: 'Élisée',
      emails: ['anne@exemple.fr'],
      phones: ['06 11 22 33 44'],
      postalCode: '69003',
      city: 'Lyon',
      tags: ['abonne', 'vip'],
      source: 'billetterie',
      language: 'fr',
      departmentId: billetterie,
      customFields: {
        abonne: true,
        places: 12,
        adhesion: '2024-03-01',
        gouts: ['danse', 'jazz'],
        revenu: 'élevé',
      },
      createdAt: new Date('2024-01-15T10:00:00Z'),
    });
    ids.bruno = await buildPerson(t, {
      firstName: 'Bruno',
      lastName: 'Martin',
      emails: ['bruno@autre.org'],
      postalCode: '75011',
      city: 'Paris',
      tags: ['vip'],
      source: 'import',
      language: 'en',
      customFields: { abonne: false, places: 3, adhesion: '2023-06-30', gouts: ['opera'] },
      createdAt: new Date('2024-02-20T10:00:00Z'),
    });
    ids.chloe = await buildPerson(t, {
      firstName: 'Chloé',
      lastName: 'Zeller',
      createdAt: new Date('2024-03-01T10:00:00Z'),
    });
  });
  afterAll(async () => t?.close());

  it('lists people with their primary coordinates, phone in national format', async () => {
    const response = await list({ sort: 'lastName' });
    expect(response.statusCode, response.body).toBe(200);
    const [anne] = response.json().data as Item[];
    expect(anne).toMatchObject({
      id: ids.anne,
      civility: 'Mme',
      primaryEmail: 'anne@exemple.fr',
      primaryPhone: '06 11 22 33 44',
      postalCode: '69003',
      city: 'Lyon',
      tags: ['abonne', 'vip'],
      departmentId: billetterie,
    });
  });

  it('withholds sensitive custom fields from callers without contacts.read_sensitive', async () => {
    const forAgent = (await list({ filter: JSON.stringify(rule('lastName', 'eq', 'elisee')) })).json().data;
    expect(forAgent[0].customFields.revenu).toBe('élevé');
    const forReader = (
      await list({ filter: JSON.stringify(rule('lastName', 'eq', 'elisee')) }, reader)
    ).json();
    expect(forReader.data[0].customFields).not.toHaveProperty('revenu');
    expect(forReader.data[0].customFields.places).toBe(12);
    const filtered = await list(
      { filter: JSON.stringify(rule('customFields.revenu', 'isNotEmpty')) },
      reader,
    );
    expect(filtered.statusCode).toBe(403);
  });

  it.each([
    ['firstName', 'contains', 'chlo', ['chloe']],
    ['lastName', 'eq', 'ELISEE', ['anne']],
    ['lastName', 'startsWith', 'mar', ['bruno']],
    ['lastName', 'neq', 'martin', ['anne', 'chloe']],
    ['lastName', 'in', ['Martin', 'Zeller'], ['bruno', 'chloe']],
    ['email', 'startsWith', 'ANNE@', ['anne']],
    ['email', 'contains', 'autre', ['bruno']],
    ['email', 'isEmpty', undefined, ['chloe']],
    ['phone', 'eq', '+33611223344', ['anne']],
    ['phone', 'startsWith', '06 11', ['anne']],
    ['postalCode', 'startsWith', '75', ['bruno']],
    ['city', 'eq', 'lyon', ['anne']],
    ['departementCode', 'in', ['69', '13'], ['anne']],
    ['tags', 'hasAny', ['abonne', 'absent'], ['anne']],
    ['tags', 'hasAll', ['abonne', 'vip'], ['anne']],
    ['tags', 'contains', 'vip', ['anne', 'bruno']],
    ['tags', 'isEmpty', undefined, ['chloe']],
    ['departmentId', 'isNotEmpty', undefined, ['anne']],
    ['source', 'eq', 'import', ['bruno']],
    ['language', 'in', ['en'], ['bruno']],
    ['createdAt', 'gte', '2024-02-20', ['bruno', 'chloe']],
    ['createdAt', 'lt', '2024-02-01T00:00:00Z', ['anne']],
    ['customFields.abonne', 'eq', true, ['anne']],
    ['customFields.abonne', 'neq', true, ['bruno', 'chloe']],
    ['customFields.places', 'gt', 5, ['anne']],
    ['customFields.places', 'lte', 3, ['bruno']],
    ['customFields.places', 'isEmpty', undefined, ['chloe']],
    ['customFields.adhesion', 'lt', '2024-01-01', ['bruno']],
    ['customFields.gouts', 'hasAny', ['opera', 'jazz'], ['anne', 'bruno']],
    ['customFields.gouts', 'hasAll', ['danse', 'jazz'], ['anne']],
    ['customFields.gouts', 'contains', 'opera', ['bruno']],
  ])('filters %s %s %j', async (field, op, value, expected) => {
    expect(await idsOf(rule(field, op, value))).toEqual(expected.map((name) => ids[name]).sort());
  });

  it('combines rules with AND', async () => {
    const filter = {
      all: [
        { field: 'tags', op: 'contains', value: 'vip' },
        { field: 'city', op: 'eq', value: 'Paris' },
      ],
    };
    expect(await idsOf(filter)).toEqual([ids.bruno]);
  });

  it.each([
    [
      {
        all: [
          { field: 'city', op: 'eq', value: 'Lyon' },
          { field: 'shoeSize', op: 'eq', value: 42 },
        ],
      },
      'filter.all[1].field',
    ],
    [{ all: [{ field: 'tags', op: 'gt', value: 'x' }] }, 'filter.all[0].op'],
    [{ all: [{ field: 'city', op: 'resembles', value: 'x' }] }, 'filter.all[0].op'],
    [{ all: [{ field: 'customFields.places', op: 'gt', value: 'beaucoup' }] }, 'filter.all[0].value'],
    [{ all: [{ field: 'createdAt', op: 'gt', value: 'hier' }] }, 'filter.all[0].value'],
    [{ all: [{ field: 'departmentId', op: 'eq', value: 'nope' }] }, 'filter.all[0].value'],
  ])('answers 400 naming the faulty rule (%j)', async (filter, path) => {
    const response = await list({ filter: JSON.stringify(filter) });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('contact_lists.bad_filter');
    expect(problem.errors[0].path).toBe(path);
    expect(problem.detail).toContain(path.split('.')[1]);
  });

  it('refuses an unreadable filter and an unknown sort', async () => {
    expect((await list({ filter: '{not json' })).json().code).toBe('contact_lists.bad_filter');
    expect((await list({ sort: 'customFields.nothing' })).json().code).toBe('contact_lists.bad_sort');
  });

  it('counts the matching people', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts:count?filter=${encodeURIComponent(JSON.stringify(rule('tags', 'contains', 'vip')))}`,
      headers: agent.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ count: 2 });
  });

  it('finds by the quick search box', async () => {
    const response = await list({ q: 'elisee anne', withTotal: 'true' });
    expect(response.json()).toMatchObject({ total: 1, data: [{ id: ids.anne }] });
  });
});

describe('GET /api/v1/contacts data-quality filters', () => {
  let t: TestApp;
  let agent: TestUser;
  const ids: Record<string, string> = {};

  const idsOf = async (filter: unknown) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?${new URLSearchParams({ filter: JSON.stringify(filter), limit: '500' })}`,
      headers: agent.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().data as Item[]).map((item) => item.id).sort();
  };
  const rule = (field: string, op: string, value?: unknown) => ({ all: [{ field, op, value }] });
  const names = (...people: string[]) => people.map((name) => ids[name]).sort();

  beforeAll(async () => {
    t = await createContactsTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    const db = t.database.db;
    // Anne: one good and one bounced e-mail; Bruno: an invalid e-mail and an invalid phone;
    // Chloé: an address whose postal code is unknown; Denis: nothing wrong, but in a pending pair.
    ids.anne = await buildPerson(t, { lastName: 'Anne', emails: ['anne@exemple.fr', 'anne@ancien.fr'] });
    ids.bruno = await buildPerson(t, { lastName: 'Bruno', emails: ['bruno@'], phones: ['06 11 22 33 44'] });
    ids.chloe = await buildPerson(t, { lastName: 'Chloé', postalCode: '99999', city: 'Nulle-part' });
    ids.denis = await buildPerson(t, { lastName: 'Denis', emails: ['denis@exemple.fr'] });
    ids.denis2 = await buildPerson(t, { lastName: 'Denis', emails: ['denis.bis@exemple.fr'] });
    ids.emma = await buildPerson(t, { lastName: 'Emma' });
    await db.update(emails).set({ validity: 'bounced' }).where(eq(emails.address, 'anne@ancien.fr'));
    await db.update(emails).set({ validity: 'invalid' }).where(eq(emails.address, 'bruno@'));
    await db.update(phones).set({ validity: 'invalid' }).where(eq(phones.personId, ids.bruno));
    await db.update(addresses).set({ validity: 'invalid' }).where(eq(addresses.personId, ids.chloe));
    const pair = (a: string, b: string, status: string) => ({
      id: newId(),
      tenantId: t.context.defaultTenantId,
      aId: a < b ? a : b,
      bId: a < b ? b : a,
      score: 0.9,
      status,
    });
    await db
      .insert(duplicatePairs)
      .values([pair(ids.denis, ids.denis2, 'pending'), pair(ids.anne, ids.emma, 'dismissed')]);
  });
  afterAll(async () => t?.close());

  it.each([
    ['emailStatus', 'eq', 'bounced', ['anne']],
    ['emailStatus', 'eq', 'invalid', ['bruno']],
    ['emailStatus', 'in', ['invalid', 'bounced'], ['anne', 'bruno']],
    ['emailStatus', 'eq', 'valid', ['anne', 'denis', 'denis2']],
    ['emailStatus', 'neq', 'valid', ['bruno', 'chloe', 'emma']],
    ['phoneStatus', 'eq', 'invalid', ['bruno']],
    ['addressStatus', 'eq', 'invalid', ['chloe']],
    ['duplicateSuspect', 'eq', true, ['denis', 'denis2']],
    ['duplicateSuspect', 'neq', true, ['anne', 'bruno', 'chloe', 'emma']],
    ['duplicateSuspect', 'eq', false, ['anne', 'bruno', 'chloe', 'emma']],
  ])('filters %s %s %j', async (field, op, value, expected) => {
    expect(await idsOf(rule(field, op, value))).toEqual(names(...expected));
  });

  it('stops counting a pair as suspected once it is no longer pending', async () => {
    await t.database.db
      .update(duplicatePairs)
      .set({ status: 'merged' })
      .where(eq(duplicatePairs.aId, ids.denis < ids.denis2 ? ids.denis : ids.denis2));
    expect(await idsOf(rule('duplicateSuspect', 'eq', true))).toEqual([]);
  });

  it.each([
    [rule('emailStatus', 'eq', 'perdu'), 'filter.all[0].value'],
    [rule('emailStatus', 'contains', 'inv'), 'filter.all[0].op'],
    [rule('duplicateSuspect', 'eq', 'oui'), 'filter.all[0].value'],
    [rule('duplicateSuspect', 'isEmpty'), 'filter.all[0].op'],
  ])('answers 400 for a status or flag rule it cannot apply (%j)', async (filter, path) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      headers: agent.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'contact_lists.bad_filter', errors: [{ path }] });
  });
});

describe('GET /api/v1/contacts pagination', () => {
  let t: TestApp;
  let agent: TestUser;

  beforeAll(async () => {
    t = await createContactsTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    await buildCustomField(t, { key: 'rang', type: 'number' });
    // Repeated last names, missing ones and missing custom values exercise ties and NULLs.
    const base = Date.parse('2024-01-01T00:00:00Z');
    await buildPeople(t, 120, (index) => ({
      firstName: `Prénom ${String(index % 7).padStart(2, '0')}`,
      lastName: index % 10 === 0 ? undefined : `Nom ${index % 13}`,
      createdAt: new Date(base + (index % 40) * 60_000),
      customFields: index % 3 === 0 ? {} : { rang: index % 11 },
    }));
  });
  afterAll(async () => t?.close());

  it.each([
    'lastName',
    '-lastName',
    'firstName',
    'createdAt',
    '-createdAt',
    'customFields.rang',
    '-customFields.rang',
    'city',
  ])('walks 120 rows sorted by %s without duplicates or gaps', async (sort) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { sort, limit: '25', ...(cursor ? { cursor } : {}) };
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/contacts?${new URLSearchParams(query)}`,
        headers: agent.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      seen.push(...body.data.map((item: Item) => item.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const all = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?${new URLSearchParams({ sort, limit: '500' })}`,
      headers: agent.headers,
    });
    expect(all.json().data.map((item: Item) => item.id)).toEqual(seen);
  });

  it('rejects a forged cursor', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts?cursor=bm90LWpzb24',
      headers: agent.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('common.bad_cursor');
  });
});
