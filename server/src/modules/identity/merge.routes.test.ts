import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildCustomField, buildNote } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  auditActions,
  createOrganisation,
  createPerson,
  eventsOf,
} from '../contacts/contacts.test-support.ts';
import { buildLine, buildOrder, pushOrders } from '../ticketing/ticketing-test-data.ts';

describe('merging and unmerging people', () => {
  let t: TestApp;
  let manager: TestUser;
  let agent: TestUser;

  const get = async (url: string, user: TestUser = manager) => {
    const response = await t.app.inject({ method: 'GET', url, headers: user.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const post = (url: string, payload: object, user: TestUser = manager) =>
    t.app.inject({ method: 'POST', url, headers: user.headers, payload });

  /** Everything a person shows: the record, relationships, notes, orders and the ticketing summary. */
  const snapshot = async (id: string) => ({
    person: await get(`/api/v1/contacts/${id}`),
    relationships: await get(`/api/v1/contacts/${id}/relationships`),
    notes: await get(`/api/v1/contacts/${id}/notes`),
    orders: await get(`/api/v1/orders?personId=${id}`),
    ticketing: (await get(`/api/v1/contacts/${id}/ticketing`)).summary ?? null,
  });

  /** Two records of one person, an organisation, a relative, notes and orders on both. */
  async function buildDuplicates(suffix: string) {
    const survivor = await createPerson(t, manager, {
      firstName: 'Claire',
      lastName: `Dubois${suffix}`,
      emails: [{ address: `claire${suffix}@exemple.fr` }],
      customFields: { abonne: 'oui' },
      tags: ['abonnée'],
    });
    const merged = await createPerson(t, manager, {
      firstName: 'Clara',
      lastName: `Dubois${suffix}`,
      birthDate: '1984-02-29',
      emails: [{ address: `CLAIRE${suffix}@exemple.fr` }, { address: `c.dubois${suffix}@travail.fr` }],
      phones: [{ number: '06 12 34 56 78' }],
      addresses: [{ line1: '5 rue de la Paix', postalCode: '75002', city: 'Paris' }],
      customFields: { abonne: 'non', langue: 'fr' },
      tags: ['mécène'],
    });
    const relative = await createPerson(t, manager, { firstName: 'Paul', lastName: `Dubois${suffix}` });
    const organisation = await createOrganisation(t, manager, { name: `Théâtre ${suffix}` });
    const link = async (payload: object) => {
      const response = await post('/api/v1/relationships', payload);
      expect(response.statusCode, response.body).toBe(201);
    };
    await link({
      kind: 'employment',
      fromPersonId: survivor.id,
      toOrganisationId: organisation.id,
      role: 'Régisseuse',
    });
    await link({
      kind: 'employment',
      fromPersonId: merged.id,
      toOrganisationId: organisation.id,
      role: 'Régisseuse',
    });
    await link({ kind: 'household', fromPersonId: survivor.id, toPersonId: merged.id });
    await link({ kind: 'family', fromPersonId: relative.id, toPersonId: merged.id });
    await buildNote(t, { personId: merged.id, body: 'Préfère le premier rang', visibility: 'all' });
    await buildNote(t, { personId: survivor.id, body: 'Abonnée depuis 2015', visibility: 'all' });
    await pushOrders(t, manager, 'billetweb', [
      buildOrder(`A${suffix}`, {
        buyer: { email: `c.dubois${suffix}@travail.fr`, firstName: 'Clara', lastName: `Dubois${suffix}` },
      }),
      buildOrder(`B${suffix}`, {
        buyer: { email: `claire${suffix}@exemple.fr`, firstName: 'Claire', lastName: `Dubois${suffix}` },
        lines: [
          buildLine(`B${suffix}-1`),
          buildLine(`B${suffix}-2`, {
            holder: {
              email: `c.dubois${suffix}@travail.fr`,
              firstName: 'Clara',
              lastName: `Dubois${suffix}`,
            },
          }),
        ],
      }),
    ]);
    return { survivor, merged, relative, organisation };
  }

  beforeAll(async () => {
    t = await createTestApp();
    manager = await buildUser(t, { roles: ['responsable'] });
    agent = await buildUser(t, { roles: ['agent'] });
    await buildCustomField(t, { key: 'abonne', type: 'text' });
    await buildCustomField(t, { key: 'langue', type: 'text' });
  });
  afterAll(async () => t?.close());

  it('moves orders, tickets, notes and relationships to the survivor and honours the chosen fields', async () => {
    const { survivor, merged, relative } = await buildDuplicates('1');
    const response = await post('/api/v1/contacts/merge', {
      survivorId: survivor.id,
      mergedId: merged.id,
      fields: { firstName: 'merged', birthDate: 'merged', 'customFields.abonne': 'survivor' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.survivor).toMatchObject({
      id: survivor.id,
      firstName: 'Clara',
      lastName: 'Dubois1',
      birthDate: '1984-02-29',
      customFields: { abonne: 'oui', langue: 'fr' },
    });
    expect(result.survivor.tags.sort()).toEqual(['abonnée', 'mécène']);
    expect(result.survivor.emails.map((e: { address: string }) => e.address)).toEqual([
      'claire1@exemple.fr',
      'c.dubois1@travail.fr',
    ]);
    expect(result.survivor.emails.filter((e: { primary: boolean }) => e.primary)).toHaveLength(1);
    expect(result.survivor.phones).toHaveLength(1);
    expect(result.survivor.addresses).toHaveLength(1);
    expect(result.moved).toMatchObject({
      orders: 1,
      ticketLines: 1,
      notes: 1,
      relationships: 1,
      relationshipsRemoved: 2,
    });

    const orders = await get(`/api/v1/orders?personId=${survivor.id}`);
    expect(orders.data.map((o: { externalId: string }) => o.externalId).sort()).toEqual(['A1', 'B1']);
    const order = await get(
      `/api/v1/orders/${orders.data.find((o: { externalId: string }) => o.externalId === 'B1').id}`,
    );
    expect(order.lines.find((l: { externalId: string }) => l.externalId === 'B1-2').holder).toMatchObject({
      id: survivor.id,
    });
    expect((await get(`/api/v1/orders?personId=${merged.id}`)).data).toEqual([]);
    const notes = await get(`/api/v1/contacts/${survivor.id}/notes`);
    expect(notes.data.map((n: { body: string }) => n.body).sort()).toEqual([
      'Abonnée depuis 2015',
      'Préfère le premier rang',
    ]);
    const links = (await get(`/api/v1/contacts/${survivor.id}/relationships`)).data;
    expect(links.map((l: { kind: string }) => l.kind).sort()).toEqual(['employment', 'family']);
    expect(links.find((l: { kind: string }) => l.kind === 'family').counterpart.id).toBe(relative.id);
    const timeline = await get(`/api/v1/contacts/${survivor.id}/timeline`);
    expect(timeline.data.map((e: { type: string }) => e.type)).toContain('contact.merged');

    const list = await get(`/api/v1/contacts?q=Dubois1`);
    expect(list.data.map((p: { id: string }) => p.id)).not.toContain(merged.id);
    expect(await auditActions(t, survivor.id)).toContain('contact.merged');
    expect((await eventsOf(t, survivor.id)).map((e) => e.type)).toContain('contact.merged');
    const history = await get(`/api/v1/contacts/${survivor.id}/merges`);
    expect(history).toEqual([
      expect.objectContaining({
        id: result.mergeId,
        mergedId: merged.id,
        mergedName: 'Clara Dubois1',
        undoneAt: null,
      }),
    ]);
  });

  it('unmerge restores both records, their orders, notes and relationships exactly', async () => {
    const { survivor, merged, relative } = await buildDuplicates('2');
    const before = {
      survivor: await snapshot(survivor.id),
      merged: await snapshot(merged.id),
      relative: await snapshot(relative.id),
    };
    const merge = await post('/api/v1/contacts/merge', {
      survivorId: survivor.id,
      mergedId: merged.id,
      fields: { firstName: 'merged' },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    const undo = await post(`/api/v1/contacts/${merged.id}/unmerge`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ mergeId: merge.json().mergeId, restored: { id: merged.id } });
    const after = {
      survivor: await snapshot(survivor.id),
      merged: await snapshot(merged.id),
      relative: await snapshot(relative.id),
    };
    expect(after).toEqual(before);
    expect(await auditActions(t, survivor.id)).toContain('contact.unmerged');
    expect((await eventsOf(t, survivor.id)).map((e) => e.type)).toContain('contact.unmerged');
    const again = await post(`/api/v1/contacts/${merged.id}/unmerge`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('identity.merge_undone');
    // The pair is open again: the merge's decision went with it.
    const dismiss = await post('/api/v1/duplicates/dismiss', { aId: survivor.id, bId: merged.id });
    expect(dismiss.statusCode, dismiss.body).toBe(200);
  });

  it('refuses to unmerge once the survivor changed since, and names the survivor’s merge by id', async () => {
    const { survivor, merged } = await buildDuplicates('3');
    const merge = await post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(merge.statusCode, merge.body).toBe(200);
    const current = await get(`/api/v1/contacts/${survivor.id}`);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${survivor.id}`,
      headers: { ...manager.headers, 'if-match': `"${current.version}"` },
      payload: { language: 'en' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const refused = await post(`/api/v1/contacts/${survivor.id}/unmerge`, { mergeId: merge.json().mergeId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('identity.survivor_changed');
    expect((await get(`/api/v1/contacts/${survivor.id}`)).language).toBe('en');
  });

  it('rejects bad merges with 400, 404 and 409, and changes nothing', async () => {
    const { survivor, merged } = await buildDuplicates('4');
    const same = await post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedId: survivor.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().code).toBe('identity.same_person');
    const badField = await post('/api/v1/contacts/merge', {
      survivorId: survivor.id,
      mergedId: merged.id,
      fields: { password: 'merged' },
    });
    expect(badField.statusCode).toBe(400);
    const unknownCustom = await post('/api/v1/contacts/merge', {
      survivorId: survivor.id,
      mergedId: merged.id,
      fields: { 'customFields.inconnu': 'merged' },
    });
    expect(unknownCustom.statusCode).toBe(400);
    expect(unknownCustom.json().code).toBe('identity.unknown_custom_field');
    const missing = await post('/api/v1/contacts/merge', {
      survivorId: survivor.id,
      mergedId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect((await get(`/api/v1/orders?personId=${merged.id}`)).data).toHaveLength(2);
    const forbidden = await post(
      '/api/v1/contacts/merge',
      { survivorId: survivor.id, mergedId: merged.id },
      agent,
    );
    expect(forbidden.statusCode).toBe(403);
    const done = await post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(done.statusCode, done.body).toBe(200);
    const twice = await post('/api/v1/contacts/merge', { survivorId: survivor.id, mergedId: merged.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('identity.already_merged');
    const noMerge = await post(`/api/v1/contacts/${survivor.id}/unmerge`, {
      mergeId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(noMerge.statusCode).toBe(404);
  });
});
