import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createPerson, eventsOf } from './contacts.test-support.ts';

describe('notes', () => {
  let t: TestApp;
  let boxOffice: TestUser;
  let boxOfficeColleague: TestUser;
  let patronage: TestUser;
  let admin: TestUser;
  let responsable: TestUser;
  let personId: string;
  const notesUrl = () => `/api/v1/contacts/${personId}/notes`;
  const list = async (user: TestUser) =>
    (await t.app.inject({ method: 'GET', url: notesUrl(), headers: user.headers }))
      .json()
      .data.map((note: { body: string }) => note.body);

  beforeAll(async () => {
    t = await createTestApp();
    boxOffice = await buildUser(t, { roles: ['agent'], departments: ['billetterie'] });
    boxOfficeColleague = await buildUser(t, { roles: ['agent'], departments: ['billetterie'] });
    patronage = await buildUser(t, { roles: ['agent'], departments: ['mecenat'] });
    // Only the cross-department permission (administrators) sees every department's notes.
    admin = await buildUser(t, { roles: ['administrateur'], departments: ['communication'] });
    responsable = await buildUser(t, { roles: ['responsable'], departments: ['billetterie'] });
    personId = (await createPerson(t, admin, { firstName: 'Noé', lastName: 'Annotations' })).id;
  });
  afterAll(async () => t?.close());

  it('adds a note for the author’s first department and emits note.added for the timeline', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: boxOffice.headers,
      payload: { body: 'Souhaite être placé près de la scène.' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const note = response.json();
    expect(note).toMatchObject({ personId, visibility: 'department', createdBy: boxOffice.id, version: 1 });
    expect(note.departmentId).toBeTruthy();
    const [event] = await eventsOf(t, note.id);
    expect(event).toMatchObject({
      type: 'note.added',
      subjects: [personId],
      departmentId: note.departmentId,
      payload: { visibility: 'department', excerpt: 'Souhaite être placé près de la scène.' },
    });
  });

  it('shows department notes to their department only, and `all` notes to every reader', async () => {
    await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: patronage.headers,
      payload: { body: 'Mécène potentiel', visibility: 'department' },
    });
    await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: patronage.headers,
      payload: { body: 'Préfère être appelé le matin', visibility: 'all' },
    });
    expect(await list(boxOfficeColleague)).toEqual([
      'Préfère être appelé le matin',
      'Souhaite être placé près de la scène.',
    ]);
    expect(await list(patronage)).toEqual(['Préfère être appelé le matin', 'Mécène potentiel']);
    // Only the cross-department permission (administrators) sees every department's notes.
    expect(await list(admin)).toHaveLength(3);
  });

  it('refuses a department note without department, and notes for a department one is not in', async () => {
    const lone = await buildUser(t, { roles: ['agent'] });
    const noDepartment = await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: lone.headers,
      payload: { body: 'x' },
    });
    expect(noDepartment.statusCode).toBe(400);
    expect(noDepartment.json().errors[0]).toMatchObject({
      path: 'body.departmentId',
      code: 'notes.department_required',
    });
    const forAll = await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: lone.headers,
      payload: { body: 'Visible de tous', visibility: 'all' },
    });
    expect(forAll.statusCode).toBe(201);
    const otherDepartment = await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: boxOffice.headers,
      payload: { body: 'x', departmentId: (await firstNote(patronage)).departmentId },
    });
    expect(otherDepartment.statusCode).toBe(403);
    const lecteur = await buildUser(t, { roles: ['lecteur'] });
    const refused = await t.app.inject({
      method: 'POST',
      url: notesUrl(),
      headers: lecteur.headers,
      payload: { body: 'x' },
    });
    expect(refused.statusCode).toBe(403);
  });

  async function firstNote(user: TestUser) {
    const response = await t.app.inject({ method: 'GET', url: notesUrl(), headers: user.headers });
    return response.json().data.find((note: { createdBy: string }) => note.createdBy === user.id);
  }

  it('lets the author or a responsable edit and delete a note, nobody else', async () => {
    const note = await firstNote(boxOffice);
    const url = `/api/v1/notes/${note.id}`;
    const byColleague = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...boxOfficeColleague.headers, 'if-match': '"1"' },
      payload: { body: 'Modifié' },
    });
    expect(byColleague.statusCode).toBe(403);
    const byAuthor = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...boxOffice.headers, 'if-match': '"1"' },
      payload: { body: 'Placement : premier rang.' },
    });
    expect(byAuthor.statusCode, byAuthor.body).toBe(200);
    expect(byAuthor.json()).toMatchObject({ body: 'Placement : premier rang.', version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...responsable.headers, 'if-match': '"1"' },
      payload: { visibility: 'all' },
    });
    expect(stale.statusCode).toBe(412);
    const byResponsable = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...responsable.headers, 'if-match': '"2"' },
      payload: { visibility: 'all' },
    });
    expect(byResponsable.json()).toMatchObject({ visibility: 'all', updatedBy: responsable.id });
    expect(await list(patronage)).toContain('Placement : premier rang.');
    expect((await t.app.inject({ method: 'DELETE', url, headers: patronage.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url, headers: boxOffice.headers })).statusCode).toBe(204);
    expect(await list(admin)).not.toContain('Placement : premier rang.');
    expect((await eventsOf(t, note.id)).map((e) => e.type)).toEqual([
      'note.added',
      'note.updated',
      'note.updated',
      'note.deleted',
    ]);
  });
});
