import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import {
  buildEvent,
  buildNote,
  buildOrganisation,
  buildPerson,
  createContactsTestApp,
  departmentIdOf,
} from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { summariseEvent } from './timeline.summary.ts';

type Entry = {
  id: string;
  type: string;
  summary: string;
  payload: Record<string, unknown>;
  actorName: string | null;
};

describe('GET /api/v1/contacts/{id}/timeline', () => {
  let t: TestApp;
  let boxOffice: TestUser;
  let marketing: TestUser;
  let director: TestUser;
  let personId: string;
  let organisationId: string;
  const events: Record<string, string> = {};

  const timeline = async (user: TestUser, query = '', id = personId, kind = 'contacts') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/${kind}/${id}/timeline${query}`,
      headers: user.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Entry[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    t = await createContactsTestApp();
    const billetterie = await departmentIdOf(t, 'billetterie');
    const marketingId = await departmentIdOf(t, 'marketing');
    // Lecteurs lack admin.all_departments, so their departments decide what they see.
    boxOffice = await buildUser(t, {
      roles: ['lecteur'],
      departments: ['billetterie'],
      name: 'Agnès Guichet',
    });
    marketing = await buildUser(t, { roles: ['lecteur'], departments: ['marketing'] });
    director = await buildUser(t, { roles: ['administrateur'] });
    personId = await buildPerson(t, { firstName: 'Léa', lastName: 'Roux' });
    organisationId = await buildOrganisation(t, { name: 'Opéra de Lyon' });
    const other = await buildPerson(t, { firstName: 'Autre', lastName: 'Personne' });
    events.created = await buildEvent(t, {
      type: 'contact.created',
      subjects: [personId],
      actorId: boxOffice.id,
    });
    events.coordinates = await buildEvent(t, {
      type: 'contact.updated',
      subjects: [personId],
      payload: { changes: ['emails', 'phones'] },
    });
    const sharedNote = await buildNote(t, {
      personId,
      body: 'Aime le jazz',
      departmentId: marketingId,
      visibility: 'all',
    });
    events.sharedNote = await buildEvent(t, {
      type: 'note.added',
      entityType: 'note',
      entityId: sharedNote,
      subjects: [personId],
      payload: { body: 'Aime le jazz' },
    });
    const privateNote = await buildNote(t, { personId, body: 'Client difficile', departmentId: billetterie });
    events.privateNote = await buildEvent(t, {
      type: 'note.added',
      entityType: 'note',
      entityId: privateNote,
      subjects: [personId],
      payload: { body: 'Client difficile' },
    });
    events.order = await buildEvent(t, {
      type: 'order.imported',
      subjects: [personId, organisationId],
      departmentId: billetterie,
      payload: { amount: 42 },
    });
    await buildEvent(t, { type: 'contact.created', subjects: [other] });
  });
  afterAll(async () => t?.close());

  it('lists the events naming the person, newest first, with French summaries', async () => {
    const { data } = await timeline(director);
    expect(data.map((entry) => entry.id)).toEqual([
      events.order,
      events.privateNote,
      events.sharedNote,
      events.coordinates,
      events.created,
    ]);
    expect(data.map((entry) => entry.summary)).toEqual([
      'Commande importée (Billetterie)',
      'Note ajoutée',
      'Note ajoutée',
      'Coordonnées modifiées',
      'Fiche créée',
    ]);
    expect(data[4].actorName).toBe('Agnès Guichet');
  });

  it('shows department-owned events only to that department, and note bodies only to their readers', async () => {
    const forBoxOffice = (await timeline(boxOffice)).data;
    expect(forBoxOffice.map((entry) => entry.id)).toContain(events.order);
    expect(forBoxOffice.find((entry) => entry.id === events.privateNote)?.payload.body).toBe(
      'Client difficile',
    );

    const forMarketing = (await timeline(marketing)).data;
    expect(forMarketing.map((entry) => entry.id)).not.toContain(events.order);
    const hidden = forMarketing.find((entry) => entry.id === events.privateNote)!;
    expect(hidden.payload).toEqual({ bodyHidden: true });
    expect(forMarketing.find((entry) => entry.id === events.sharedNote)?.payload.body).toBe('Aime le jazz');
  });

  it('filters by type prefix and by department, and pages with a cursor', async () => {
    const notes = (await timeline(director, '?types=note')).data;
    expect(notes.map((entry) => entry.type)).toEqual(['note.added', 'note.added']);
    const both = (await timeline(director, '?types=note,order')).data;
    expect(both).toHaveLength(3);
    const billetterie = await departmentIdOf(t, 'billetterie');
    const owned = (await timeline(director, `?departmentId=${billetterie}`)).data;
    expect(owned.map((entry) => entry.id)).toEqual([events.order]);

    const first = await timeline(director, '?limit=2');
    const second = await timeline(director, `?limit=2&cursor=${first.nextCursor}`);
    const third = await timeline(director, `?limit=2&cursor=${second.nextCursor}`);
    expect([...first.data, ...second.data, ...third.data].map((entry) => entry.id)).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
  });

  it('serves an organisation’s timeline and answers 404 for an unknown subject', async () => {
    const { data } = await timeline(director, '', organisationId, 'organisations');
    expect(data.map((entry) => entry.id)).toEqual([events.order]);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/01900000-0000-7000-8000-000000000000/timeline',
      headers: director.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('summariseEvent', () => {
  it.each([
    ['contact.created', {}, null, 'Fiche créée'],
    ['contact.updated', { changes: ['lastName'] }, null, 'Fiche modifiée'],
    ['contact.updated', { changes: ['addresses'] }, null, 'Coordonnées modifiées'],
    ['note.added', {}, 'Billetterie', 'Note ajoutée (Billetterie)'],
    ['contact.merged', {}, null, 'Fiches fusionnées'],
    ['gift.received', {}, 'Mécénat', 'Don reçu (Mécénat)'],
    ['consent.given', {}, null, 'Consentement recueilli'],
    ['widget.spun', {}, null, 'widget.spun'],
  ])('%s → %s', (type, payload, department, expected) => {
    expect(summariseEvent(type, payload, department)).toBe(expected);
  });
});
