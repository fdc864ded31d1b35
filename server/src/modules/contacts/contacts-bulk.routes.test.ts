import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import {
  buildPeople,
  buildPerson,
  createContactsTestApp,
  departmentIdOf,
} from '../../../test/contact-builders.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { auditLog, outboxEvents } from '../../platform/platform.tables.ts';
import { people } from './contacts.tables.ts';

async function waitForJob(t: TestApp, user: TestUser, jobId: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: user.headers })
    ).json();
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('job did not finish');
}

describe('POST /api/v1/contacts:bulk', () => {
  let t: TestApp;
  let agent: TestUser;
  let manager: TestUser;

  const bulk = (user: TestUser, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/contacts:bulk', payload, headers: user.headers });
  const countWhere = async (condition: ReturnType<typeof sql>) => {
    const rows = await t.database.db.select({ id: people.id }).from(people).where(condition);
    return rows.length;
  };

  beforeAll(async () => {
    t = await createContactsTestApp();
    agent = await buildUser(t, { roles: ['agent'], departments: ['communication'] });
    manager = await buildUser(t, { roles: ['responsable'] });
  });
  afterAll(async () => t?.close());

  it('tags a small selection at once, with one audit row and one event per person', async () => {
    const a = await buildPerson(t, { lastName: 'Petit', tags: ['vip'] });
    const b = await buildPerson(t, { lastName: 'Grand' });
    const response = await bulk(agent, { action: 'tag', ids: [a, b], tag: 'vip' });
    expect(response.statusCode, response.body).toBe(200);
    // Already tagged: only one person changes.
    expect(response.json()).toEqual({ affected: 1, jobId: null });
    const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.entityId, b));
    expect(events).toMatchObject([{ type: 'contact.updated', subjects: [b], actorId: agent.id }]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, b), eq(auditLog.action, 'contact.updated')));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toEqual({ tags: ['vip'] });
  });

  it('moves people to a department and refuses an unknown one', async () => {
    const person = await buildPerson(t, { lastName: 'Service' });
    const communication = await departmentIdOf(t, 'communication');
    const moved = await bulk(agent, { action: 'set_department', ids: [person], departmentId: communication });
    expect(moved.json()).toEqual({ affected: 1, jobId: null });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, person));
    expect(row.departmentId).toBe(communication);
    const unknown = await bulk(agent, {
      action: 'set_department',
      ids: [person],
      departmentId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('deletes only with confirmation and the delete permission', async () => {
    const person = await buildPerson(t, { lastName: 'Supprimé' });
    expect((await bulk(manager, { action: 'delete', ids: [person] })).json().code).toBe(
      'contact_lists.confirm_required',
    );
    expect((await bulk(agent, { action: 'delete', ids: [person], confirm: true })).statusCode).toBe(403);
    const response = await bulk(manager, { action: 'delete', ids: [person], confirm: true });
    expect(response.json()).toEqual({ affected: 1, jobId: null });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, person));
    expect(row.deletedAt).not.toBeNull();
  });

  it('names the faulty rule of a bad filter before queuing anything', async () => {
    const response = await bulk(agent, {
      action: 'tag',
      tag: 'x',
      filter: { all: [{ field: 'nope', op: 'eq', value: 1 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('filter.all[0].field');
  });

  it('tags a large filter result in a background job, reporting progress', async () => {
    await buildPeople(t, 1_250, (index) => ({ lastName: `Masse ${index}`, source: 'campagne-2024' }));
    const filter = { all: [{ field: 'source', op: 'eq', value: 'campagne-2024' }] };
    const response = await bulk(agent, { action: 'tag', tag: 'relance', filter });
    expect(response.statusCode, response.body).toBe(202);
    const { jobId, affected } = response.json();
    expect(affected).toBeNull();
    const job = await waitForJob(t, agent, jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { done: 1_250, total: 1_250 },
      result: { affected: 1_250, processed: 1_250 },
    });
    expect(await countWhere(sql`${people.tags} @> ARRAY['relance']::text[]`)).toBe(1_250);
    const [{ count }] = await t.database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contact.updated'), eq(auditLog.actorId, agent.id)));
    expect(count).toBeGreaterThanOrEqual(1_250);

    // Idempotent: running it again changes nothing.
    const again = await bulk(agent, { action: 'tag', tag: 'relance', filter });
    const rerun = await waitForJob(t, agent, again.json().jobId);
    expect(rerun.result).toEqual({ affected: 0, processed: 1_250 });
  });
});
