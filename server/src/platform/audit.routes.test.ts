import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('audit trail API', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    for (const code of ['audit-a', 'audit-b', 'audit-c']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/departments',
        headers: admin.headers,
        payload: { code, name: code },
      });
    }
  });
  afterAll(async () => t?.close());

  const browse = (query: string, headers = admin.headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers });

  it('lists entries newest first with who, what and before → after', async () => {
    const response = await browse('?entityType=department&action=department.created');
    expect(response.statusCode).toBe(200);
    const names = response.json().data.map((e: { after: { code: string } }) => e.after.code);
    expect(names).toEqual(['audit-c', 'audit-b', 'audit-a']);
    expect(response.json().data[0]).toMatchObject({
      actorId: admin.id,
      action: 'department.created',
      entityType: 'department',
      before: null,
      reason: null,
    });
  });

  it('pages with a keyset cursor without skipping or repeating entries', async () => {
    const all = (await browse('?limit=500')).json().data.map((e: { id: string }) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = (
        await browse(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('filters by actor, entity and period', async () => {
    const byActor = (await browse(`?actorId=${admin.id}`)).json().data;
    expect(byActor.length).toBeGreaterThanOrEqual(3);
    expect(byActor.every((e: { actorId: string }) => e.actorId === admin.id)).toBe(true);
    const entityId = byActor[0].entityId;
    const byEntity = (await browse(`?entityId=${entityId}`)).json().data;
    expect(byEntity.every((e: { entityId: string }) => e.entityId === entityId)).toBe(true);
    const future = (
      await browse(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)
    ).json();
    expect(future.data).toEqual([]);
    const past = (await browse(`?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).json();
    expect(past.data).toEqual([]);
  });

  it('refuses malformed filters with a 400 problem', async () => {
    const response = await browse('?actorId=moi&from=hier');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.actorId', 'querystring.from']);
  });

  it('is reserved to admin.audit: responsables and lecteurs get 403', async () => {
    for (const role of ['responsable', 'lecteur']) {
      const user = await buildUser(t, { roles: [role] });
      expect((await browse('', user.headers)).statusCode).toBe(403);
    }
  });

  it('cannot be rewritten, even with SQL', async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
