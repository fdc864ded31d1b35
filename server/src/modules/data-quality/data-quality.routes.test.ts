import type { DataQualityCounts, DataQualityReport } from '@parterre/contract/data-quality';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildOrganisation, buildPerson, createContactsTestApp } from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { addresses, emails, phones } from '../contacts/contacts.tables.ts';
import { duplicatePairs } from '../identity/identity.tables.ts';

type Indicator = keyof DataQualityCounts;
/** Per source label, per indicator, who should be counted (indicators left out: nobody). */
type Expected = Record<string, Partial<Record<Indicator, string[]>>>;

const BILLETWEB = 'Billetweb';
const SALON = 'Import salon';
const NONE = '(none)';

describe('GET /api/v1/data-quality', () => {
  let t: TestApp;
  let manager: TestUser;
  const ids: Record<string, string> = {};

  const report = async (user: TestUser) =>
    t.app.inject({ method: 'GET', url: '/api/v1/data-quality', headers: user.headers });

  /** The people the list shows for a filter, walking every page. */
  const listed = async (filter: unknown) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?${new URLSearchParams({ filter: JSON.stringify(filter), limit: '500', withTotal: 'true' })}`,
      headers: manager.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    return { total: body.total as number, ids: (body.data as { id: string }[]).map((p) => p.id).sort() };
  };

  const who = (...names: string[]) => names.map((name) => ids[name]).sort();

  // What the dataset below holds, written out by hand.
  const expected: Expected = {
    [BILLETWEB]: {
      people: ['b1', 'b2', 'b3', 'b4'],
      invalidEmail: ['b2'],
      bouncedEmail: ['b3'],
      noFirstName: ['b3'],
      noPostalAddress: ['b3', 'b4'],
      noEmailOrPhone: ['b4'],
      noLastName: ['b4'],
      noConsent: ['b2', 'b3', 'b4'],
    },
    [SALON]: {
      people: ['i1', 'i2'],
      invalidPhone: ['i1'],
      invalidAddress: ['i1'],
      duplicateSuspect: ['i2'],
      noPostalAddress: ['i2'],
      // i1 withdrew: nothing granted.
      noConsent: ['i1', 'i2'],
    },
    [NONE]: {
      people: ['m1', 'm2', 'm4'],
      duplicateSuspect: ['m1'],
      noEmailOrPhone: ['m2', 'm4'],
      noPostalAddress: ['m2', 'm4'],
      noFirstName: ['m4'],
      noConsent: ['m2', 'm4'],
    },
  };
  const indicators: Indicator[] = [
    'people',
    'invalidEmail',
    'bouncedEmail',
    'invalidPhone',
    'invalidAddress',
    'noEmailOrPhone',
    'noPostalAddress',
    'noLastName',
    'noFirstName',
    'duplicateSuspect',
    'noConsent',
  ];
  const labelOf = (source: string | null) =>
    source === null ? NONE : source.toLowerCase() === 'billetweb' ? BILLETWEB : source;

  beforeAll(async () => {
    t = await createContactsTestApp();
    manager = await buildUser(t, { roles: ['responsable'] });
    const db = t.database.db;
    ids.b1 = await buildPerson(t, {
      phones: ['06 12 34 56 78'],
      postalCode: '69003',
      city: 'Lyon',
      firstName: 'Alice',
      lastName: 'Martin',
      emails: ['alice@exemple.fr'],
      source: 'Billetweb',
    });
    // Same source spelt differently: one group, as `source eq` in the list.
    ids.b2 = await buildPerson(t, {
      firstName: 'Bruno',
      lastName: 'Petit',
      emails: ['bruno@exemple'],
      postalCode: '75011',
      source: 'billetweb',
    });
    ids.b3 = await buildPerson(t, {
      lastName: 'Durand',
      emails: ['c.durand@exemple.fr', 'c.durand@ancien.fr'],
      source: 'Billetweb',
    });
    ids.b4 = await buildPerson(t, { firstName: 'Denise', city: 'Lyon', source: 'Billetweb' });
    ids.i1 = await buildPerson(t, {
      firstName: 'Inès',
      lastName: 'Moreau',
      phones: ['06 98 76 54 32'],
      postalCode: '99999',
      source: SALON,
    });
    ids.i2 = await buildPerson(t, {
      firstName: 'Jean',
      lastName: 'Leroy',
      emails: ['jean.leroy@exemple.fr'],
      source: SALON,
    });
    ids.m1 = await buildPerson(t, {
      firstName: 'Jean',
      lastName: 'Leroy',
      emails: ['jleroy@exemple.fr'],
      postalCode: '13001',
    });
    ids.m2 = await buildPerson(t, { firstName: 'Marc', lastName: 'Simon', source: '' });
    // In the trash: counted nowhere, whatever is wrong with it.
    ids.m3 = await buildPerson(t, { lastName: 'Supprimé', emails: ['faux@'], deleted: true });
    ids.m4 = await buildPerson(t, { lastName: 'Laurent' });
    await buildOrganisation(t, { name: 'Compagnie sans e-mail valide', emails: ['contact@compagnie'] });

    await db
      .update(emails)
      .set({ validity: 'invalid' })
      .where(inArray(emails.address, ['bruno@exemple', 'faux@', 'contact@compagnie']));
    await db.update(emails).set({ validity: 'bounced' }).where(eq(emails.address, 'c.durand@ancien.fr'));
    await db.update(phones).set({ validity: 'invalid' }).where(eq(phones.personId, ids.i1));
    await db.update(addresses).set({ validity: 'invalid' }).where(eq(addresses.personId, ids.i1));
    const pair = (a: string, b: string, status: string) => ({
      id: newId(),
      tenantId: t.context.defaultTenantId,
      aId: a < b ? a : b,
      bId: a < b ? b : a,
      score: 0.93,
      status,
    });
    await db
      .insert(duplicatePairs)
      .values([
        pair(ids.i2, ids.m1, 'pending'),
        pair(ids.b1, ids.m4, 'dismissed'),
        pair(ids.m3, ids.m1, 'pending'),
      ]);
    const purposes = await t.app.inject({ method: 'GET', url: '/api/v1/purposes', headers: manager.headers });
    const newsletter = purposes.json().data.find((p: { code: string }) => p.code === 'lettre-information');
    const consent = async (name: string, status: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${ids[name]}/consents`,
        headers: manager.headers,
        payload: { purposeId: newsletter.id, channel: 'email', status, proof: { source: 'counter' } },
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await consent('b1', 'granted');
    await consent('i1', 'withdrawn');
    await consent('m1', 'granted');
  });
  afterAll(async () => t?.close());

  it('counts each indicator exactly, per source and for the whole base', async () => {
    const response = await report(manager);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as DataQualityReport;
    expect(body.sources.map((s) => labelOf(s.source))).toEqual([BILLETWEB, SALON, NONE]);
    expect([BILLETWEB, 'billetweb']).toContain(body.sources[0].source);
    for (const { source, counts } of body.sources) {
      const wanted = expected[labelOf(source)];
      for (const indicator of indicators) {
        expect(counts[indicator].count, `${labelOf(source)} ${indicator}`).toBe(
          wanted[indicator]?.length ?? 0,
        );
      }
    }
    for (const indicator of indicators) {
      const all = Object.values(expected).flatMap((byIndicator) => byIndicator[indicator] ?? []);
      expect(body.total[indicator].count, `total ${indicator}`).toBe(all.length);
    }
  });

  it('gives with each count the list filter that shows exactly those people', async () => {
    const body = (await report(manager)).json() as DataQualityReport;
    const cells = [
      ...body.sources.flatMap(({ source, counts }) =>
        indicators.map((indicator) => ({
          label: `${labelOf(source)} ${indicator}`,
          cell: counts[indicator],
          people: who(...(expected[labelOf(source)][indicator] ?? [])),
        })),
      ),
      ...indicators.map((indicator) => ({
        label: `total ${indicator}`,
        cell: body.total[indicator],
        people: who(...Object.values(expected).flatMap((byIndicator) => byIndicator[indicator] ?? [])),
      })),
    ];
    for (const { label, cell, people } of cells) {
      const result = await listed(cell.filter);
      expect(result.ids, label).toEqual(people);
      expect(result.total, label).toBe(cell.count);
    }
  });

  it('links people without a source to the list of people without a source', async () => {
    const body = (await report(manager)).json() as DataQualityReport;
    const none = body.sources.find((s) => s.source === null)!;
    expect(none.counts.people.filter).toEqual({ all: [{ field: 'source', op: 'isEmpty' }] });
    expect(body.total.noLastName.filter).toEqual({ all: [{ field: 'lastName', op: 'isEmpty' }] });
  });

  it.each(['lecteur', 'agent'])('refuses the report to a %s', async (role) => {
    const user = await buildUser(t, { roles: [role] });
    const response = await report(user);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('common.forbidden');
  });
});
