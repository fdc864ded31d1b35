import type { CreatePersonInput } from '@parterre/contract/contacts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createPerson } from '../contacts/contacts.test-support.ts';

export async function waitForJob(t: TestApp, user: TestUser, jobId: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: user.headers })
    ).json();
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('job did not finish');
}

const person = (firstName: string, lastName: string, address: Record<string, string>, extra = {}) =>
  ({ firstName, lastName, addresses: [address], ...extra }) satisfies CreatePersonInput;

describe('duplicate review queue', () => {
  let t: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let agent: TestUser;
  const ids: Record<string, string> = {};

  const scan = async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/duplicates/scan',
      headers: admin.headers,
    });
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForJob(t, admin, response.json().jobId);
    expect(job.status, job.error).toBe('succeeded');
    return job;
  };
  const queue = async (query = '') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/duplicates${query}`,
      headers: manager.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      data: { id: string; a: { id: string }; b: { id: string }; score: number }[];
      nextCursor: string | null;
    };
  };
  const pairOf = <T extends { a: { id: string }; b: { id: string } }>(data: T[], x: string, y: string) =>
    data.find((pair) => [pair.a.id, pair.b.id].sort().join() === [x, y].sort().join());

  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    manager = await buildUser(t, { roles: ['responsable'] });
    agent = await buildUser(t, { roles: ['agent'] });
    const brest = { line1: '12 rue des Lilas', postalCode: '29200', city: 'Brest' };
    // A typo in the surname, accents lost, the same postal address; no e-mail, no phone.
    ids.kerjean = (await createPerson(t, admin, person('Gwenaëlle', 'Kerjean', brest))).id;
    ids.kerjan = (
      await createPerson(t, admin, person('Gwenaelle', 'Kerjan', { ...brest, line1: '12, rue des lilas' }))
    ).id;
    // Homonyms in two towns.
    ids.lyon = (
      await createPerson(
        t,
        admin,
        person('Jean', 'Martin', { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' }),
      )
    ).id;
    ids.lille = (
      await createPerson(
        t,
        admin,
        person('Jean', 'Martin', { line1: '8 rue Nationale', postalCode: '59000', city: 'Lille' }),
      )
    ).id;
    // Same e-mail, first name with and without accent.
    ids.helene = (
      await createPerson(t, admin, {
        firstName: 'Hélène',
        lastName: 'Rivière',
        emails: [{ address: 'helene.riviere@exemple.fr' }],
        birthDate: '1972-03-04',
      })
    ).id;
    ids.helene2 = (
      await createPerson(t, admin, {
        firstName: 'Helene',
        lastName: 'Riviere',
        emails: [{ address: 'Helene.Riviere@exemple.fr' }],
        birthDate: '1972-03-04',
      })
    ).id;
    for (const [i, name] of ['Durand', 'Petit', 'Moreau', 'Laurent', 'Simon', 'Michel'].entries()) {
      await createPerson(
        t,
        admin,
        person(['Louise', 'Paul', 'Emma', 'Hugo', 'Léa', 'Jules'][i], name, {
          postalCode: '75011',
          city: 'Paris',
        }),
      );
    }
  });
  afterAll(async () => t?.close());

  it('finds a typo at the same postal address without e-mail or phone, and not homonyms of two towns', async () => {
    const job = await scan();
    expect(job.result).toMatchObject({ people: 12 });
    const { data } = await queue();
    const found = pairOf(data, ids.kerjean, ids.kerjan);
    expect(found).toBeDefined();
    expect(found!.a.id < found!.b.id).toBe(true);
    expect(pairOf(data, ids.lyon, ids.lille)).toBeUndefined();
    expect(pairOf(data, ids.helene, ids.helene2)).toBeDefined();
    expect(data.map((pair) => pair.score)).toEqual([...data.map((pair) => pair.score)].sort((x, y) => y - x));
  });

  it('explains the pair and shows both full records side by side', async () => {
    const { data } = await queue();
    const found = pairOf(data, ids.kerjean, ids.kerjan)!;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/duplicates/${found.id}`,
      headers: manager.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json();
    expect([detail.a.id, detail.b.id].sort()).toEqual([ids.kerjean, ids.kerjan].sort());
    expect(detail.a.addresses[0]).toMatchObject({ postalCode: '29200' });
    expect(detail.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'address', outcome: 'agree' })]),
    );
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duplicates/0190a0a0-0000-7000-8000-000000000000',
      headers: manager.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('identity.pair_not_found');
  });

  it('re-scanning proposes the same pairs once', async () => {
    const before = await queue();
    const job = await scan();
    expect(job.result).toMatchObject({ pending: 0, dropped: 0 });
    const after = await queue();
    expect(after.data.map((pair) => pair.id).sort()).toEqual(before.data.map((pair) => pair.id).sort());
  });

  it('remembers "not the same person" across scans, also for two people never proposed', async () => {
    const { data } = await queue();
    const found = pairOf(data, ids.helene, ids.helene2)!;
    const dismissed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/duplicates/dismiss',
      headers: manager.headers,
      payload: { pairId: found.id },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({ pairId: found.id, status: 'dismissed' });
    const byPeople = await t.app.inject({
      method: 'POST',
      url: '/api/v1/duplicates/dismiss',
      headers: manager.headers,
      payload: { aId: ids.lille, bId: ids.lyon },
    });
    expect(byPeople.statusCode, byPeople.body).toBe(200);
    await scan();
    const after = await queue('?minScore=0');
    expect(pairOf(after.data, ids.helene, ids.helene2)).toBeUndefined();
    expect(pairOf(after.data, ids.lyon, ids.lille)).toBeUndefined();
    expect(pairOf(after.data, ids.kerjean, ids.kerjan)).toBeDefined();
  });

  it('drops pending pairs whose person went to the trash', async () => {
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${ids.kerjan}`,
      headers: admin.headers,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    const job = await scan();
    expect(job.result).toMatchObject({ dropped: 1 });
    expect(pairOf((await queue('?minScore=0')).data, ids.kerjean, ids.kerjan)).toBeUndefined();
  });

  it('pages the queue with a cursor, best score first', async () => {
    for (const [first, last, line1] of [
      ['Anaïs', 'Quéméner', '4 rue de Siam'],
      ['Yann', 'Le Goff', '9 quai de la Douane'],
    ]) {
      const address = { line1, postalCode: '29200', city: 'Brest' };
      await createPerson(t, admin, person(first, last, address, { birthDate: '1990-06-01' }));
      await createPerson(t, admin, person(first, `${last}e`, address, { birthDate: '1990-06-01' }));
    }
    await scan();
    const first = await queue('?limit=1');
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await queue(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second.data[0].id).not.toBe(first.data[0].id);
    expect(second.data[0].score).toBeLessThanOrEqual(first.data[0].score);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duplicates?cursor=nope',
      headers: manager.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('undoes a merge decided from the queue and puts the pair back in the queue', async () => {
    const address = { line1: '2 rue Kléber', postalCode: '44000', city: 'Nantes' };
    const kept = (await createPerson(t, admin, person('Maëlys', 'Guérin', address))).id;
    const other = (await createPerson(t, admin, person('Maelys', 'Guerin', address))).id;
    await scan();
    expect(pairOf((await queue()).data, kept, other)).toBeDefined();
    const merged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      headers: manager.headers,
      payload: { survivorId: kept, mergedId: other },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(pairOf((await queue()).data, kept, other)).toBeUndefined();
    const undone = await t.app.inject({
      method: 'POST',
      url: `/api/v1/contacts/${other}/unmerge`,
      headers: manager.headers,
    });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(pairOf((await queue()).data, kept, other)).toBeDefined();
  });

  it('keeps rules and the scan to administrators, and validates the rules', async () => {
    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/v1/duplicates/scan',
      headers: manager.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    const queueForAgent = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duplicates',
      headers: agent.headers,
    });
    expect(queueForAgent.statusCode).toBe(403);
    const rules = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duplicates/rules',
      headers: admin.headers,
    });
    expect(rules.json()).toMatchObject({
      reviewThreshold: 0.75,
      autoThreshold: 0.95,
      autoMergeEnabled: false,
    });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/duplicates/rules',
      headers: admin.headers,
      payload: { ...(rules.json() as object), reviewThreshold: 0.9, autoThreshold: 0.8 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('common.validation');
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/duplicates/rules',
      headers: admin.headers,
      payload: { ...(rules.json() as object), reviewThreshold: 0.99, autoThreshold: 0.995 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await queue()).data.every((pair) => pair.score >= 0.99)).toBe(true);
    const reread = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duplicates/rules',
      headers: admin.headers,
    });
    expect(reread.json().reviewThreshold).toBe(0.99);
  });
});
