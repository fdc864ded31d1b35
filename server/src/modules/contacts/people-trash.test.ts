import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { jobRuns } from '../../platform/platform.tables.ts';
import { systemScope } from '../../platform/scope.ts';
import { purgeTrashJob } from './contacts.jobs.ts';
import { emails, people } from './contacts.tables.ts';
import { auditActions, countRows, createPerson, eventsOf } from './contacts.test-support.ts';

describe('people trash', () => {
  let t: TestApp;
  let agent: TestUser;
  let responsable: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    responsable = await buildUser(t, { roles: ['responsable'] });
    admin = await buildUser(t, { roles: ['administrateur'] });
  });
  afterAll(async () => t?.close());

  it('moves a person to the trash, lists it for 30 days and restores it', async () => {
    const person = await createPerson(t, agent, { firstName: 'Anaïs', lastName: 'Corbeille' });
    const url = `/api/v1/contacts/${person.id}`;
    const byAgent = await t.app.inject({ method: 'DELETE', url, headers: agent.headers });
    expect(byAgent.statusCode).toBe(403);

    const deleted = await t.app.inject({ method: 'DELETE', url, headers: responsable.headers });
    expect(deleted.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'DELETE', url, headers: responsable.headers });
    expect(again.statusCode).toBe(204);

    const read = await t.app.inject({ method: 'GET', url, headers: agent.headers });
    expect(read.json().deletedAt).not.toBeNull();
    const edit = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...agent.headers, 'if-match': `"${read.json().version}"` },
      payload: { firstName: 'Non' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('contacts.in_trash');

    const trash = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/trash',
      headers: responsable.headers,
    });
    expect(trash.statusCode).toBe(200);
    const item = trash.json().data.find((row: { id: string }) => row.id === person.id);
    expect(item).toMatchObject({ name: 'Anaïs Corbeille', deletedBy: responsable.id });
    expect(Date.parse(item.purgeAt) - Date.parse(item.deletedAt)).toBe(30 * 86_400_000);

    const restored = await t.app.inject({
      method: 'POST',
      url: `${url}/restore`,
      headers: responsable.headers,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    const notInTrash = await t.app.inject({
      method: 'POST',
      url: `${url}/restore`,
      headers: responsable.headers,
    });
    expect(notInTrash.json().code).toBe('contacts.not_in_trash');
    const events = await eventsOf(t, person.id);
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.deleted', 'contact.restored']);
  });

  it('does not list people deleted more than 30 days ago', async () => {
    const person = await createPerson(t, agent, { lastName: 'Ancien' });
    await t.database.db
      .update(people)
      .set({ deletedAt: sql`now() - interval '31 days'` })
      .where(eq(people.id, person.id));
    const trash = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/trash?limit=500',
      headers: admin.headers,
    });
    expect(trash.json().data.map((row: { id: string }) => row.id)).not.toContain(person.id);
  });

  it('deletes for good only for administrators, keeping no personal data in the audit row', async () => {
    const person = await createPerson(t, agent, {
      lastName: 'Définitif',
      emails: [{ address: 'definitif@example.fr' }],
    });
    const url = `/api/v1/contacts/${person.id}?permanent=true`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: agent.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url, headers: responsable.headers })).statusCode).toBe(
      403,
    );
    const purged = await t.app.inject({ method: 'DELETE', url, headers: admin.headers });
    expect(purged.statusCode).toBe(204);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: admin.headers,
    });
    expect(read.statusCode).toBe(404);
    expect(await countRows(t, emails, eq(emails.personId, person.id))).toBe(0);
    expect(await auditActions(t, person.id)).toContain('contact.purged');
  });

  it('purges the trash older than 30 days with the contacts.purge-trash job', async () => {
    const old = await createPerson(t, agent, { lastName: 'Périmé' });
    const recent = await createPerson(t, agent, { lastName: 'Récent' });
    await t.database.db
      .update(people)
      .set({ deletedAt: sql`now() - interval '31 days'` })
      .where(eq(people.id, old.id));
    await t.database.db
      .update(people)
      .set({ deletedAt: sql`now() - interval '2 days'` })
      .where(eq(people.id, recent.id));

    const jobId = await t.context.jobs.enqueue(systemScope(t.context.defaultTenantId), purgeTrashJob, {});
    let status = 'queued';
    for (let i = 0; i < 100 && status !== 'succeeded' && status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      [{ status }] = await t.database.db
        .select({ status: jobRuns.status })
        .from(jobRuns)
        .where(eq(jobRuns.id, jobId));
    }
    expect(status).toBe('succeeded');
    expect(await countRows(t, people, eq(people.id, old.id))).toBe(0);
    expect(await countRows(t, people, eq(people.id, recent.id))).toBe(1);
  });
});
