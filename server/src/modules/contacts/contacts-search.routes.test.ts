import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildOrganisation, buildPerson, createContactsTestApp } from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { auditLog } from '../../platform/platform.tables.ts';

describe('GET /api/v1/search', () => {
  let t: TestApp;
  let user: TestUser;
  const ids: Record<string, string> = {};

  const search = async (q: string, limit = 20) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`,
      headers: user.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as {
      kind: string;
      id: string;
      label: string;
      sublabel: string | null;
      score: number;
      matchedOn: string;
    }[];
  };

  beforeAll(async () => {
    t = await createContactsTestApp();
    user = await buildUser(t, { roles: ['agent'] });
    ids.francois = await buildPerson(t, {
      firstName: 'François',
      lastName: 'Dupont',
      emails: ['Francois.Dupont@Exemple.fr'],
      phones: ['06 12 34 56 78'],
      postalCode: '69003',
      city: 'Lyon',
    });
    ids.dupond = await buildPerson(t, { firstName: 'Françoise', lastName: 'Dupond', city: 'Nantes' });
    ids.dupontel = await buildPerson(t, { firstName: 'Albert', lastName: 'Dupontel' });
    ids.deleted = await buildPerson(t, { firstName: 'François', lastName: 'Dupont', deleted: true });
    ids.soleil = await buildOrganisation(t, { name: 'Théâtre du Soleil', city: 'Paris' });
    ids.actor = await buildPerson(t, {
      firstName: 'Camille',
      lastName: 'Martin',
      organisationName: 'Théâtre du Soleil',
      postalCode: '75011',
    });
    ids.other = await buildPerson(t, { firstName: 'Jeanne', lastName: 'Moreau', postalCode: '75012' });
  });
  afterAll(async () => t?.close());

  it('finds "François Dupont" from "Francois Dupond" despite the accent and the typo', async () => {
    const results = await search('Francois Dupond');
    const hit = results.find((r) => r.id === ids.francois);
    expect(hit).toMatchObject({ kind: 'person', label: 'François Dupont', matchedOn: 'name' });
    expect(hit?.sublabel).toBe('francois.dupont@exemple.fr');
  });

  it('finds people whatever the order of the words', async () => {
    const results = await search('dupont francois');
    expect(results[0]).toMatchObject({ id: ids.francois, matchedOn: 'name' });
  });

  it('ranks an exact name before a prefix before a fuzzy match', async () => {
    const results = await search('dupont');
    const order = results.map((r) => r.id);
    expect(order.indexOf(ids.francois)).toBeLessThan(order.indexOf(ids.dupontel));
    expect(order.indexOf(ids.dupontel)).toBeLessThan(order.indexOf(ids.dupond));
    const [exact, prefix, fuzzy] = [ids.francois, ids.dupontel, ids.dupond].map(
      (id) => results.find((r) => r.id === id)!.score,
    );
    expect(exact).toBeGreaterThanOrEqual(3);
    expect(prefix).toBeGreaterThanOrEqual(2);
    expect(prefix).toBeLessThan(3);
    expect(fuzzy).toBeLessThan(2);
  });

  it('leaves deleted people out', async () => {
    const results = await search('François Dupont');
    expect(results.map((r) => r.id)).not.toContain(ids.deleted);
  });

  it('finds by the start of an e-mail address, whatever its case', async () => {
    const results = await search('FRANCOIS.DUP');
    expect(results[0]).toMatchObject({
      id: ids.francois,
      matchedOn: 'email',
      sublabel: 'francois.dupont@exemple.fr',
    });
  });

  it.each(['06 12 34 56 78', '+33 6 12 34 56 78', '0612345678', '06.12.34.56.78', '34 56 78'])(
    'finds by phone typed as %s',
    async (q) => {
      const results = await search(q);
      expect(results[0]).toMatchObject({ id: ids.francois, matchedOn: 'phone' });
    },
  );

  it('finds the people with an address at a postal code', async () => {
    const results = await search('75011');
    expect(results.map((r) => r.id)).toEqual([ids.actor]);
    expect(results[0]).toMatchObject({ matchedOn: 'postalCode', label: 'Camille Martin' });
  });

  it('finds an organisation by name, then its people', async () => {
    const results = await search('theatre du soleil');
    expect(results[0]).toMatchObject({ kind: 'organisation', id: ids.soleil, sublabel: 'Paris' });
    expect(results[1]).toMatchObject({
      kind: 'person',
      id: ids.actor,
      matchedOn: 'organisation',
      sublabel: 'Théâtre du Soleil',
    });
  });

  it('logs each search for the DPO', async () => {
    await search('Moreau');
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.search'), eq(auditLog.actorId, user.id)));
    expect(rows.map((row) => (row.after as { q: string }).q)).toContain('Moreau');
  });

  it('refuses callers without contacts.read', async () => {
    const outsider = await buildUser(t, { roles: [] });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search?q=dupont',
      headers: outsider.headers,
    });
    expect(response.statusCode).toBe(403);
  });
});
