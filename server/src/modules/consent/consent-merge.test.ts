import type { ContactConsents, Purpose } from '@parterre/contract/consent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildPerson } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('consents through a merge and its undo', () => {
  let t: TestApp;
  let manager: TestUser;
  let newsletter: Purpose;
  let programme: Purpose;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await buildUser(t, { roles: ['responsable'] });
    const purposes = (await call('GET', '/api/v1/purposes')).json().data as Purpose[];
    newsletter = purposes.find((p) => p.code === 'lettre-information')!;
    programme = purposes.find((p) => p.code === 'programmation')!;
  });
  afterAll(async () => t?.close());

  function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
    return t.app.inject({ method, url, headers: manager.headers, payload: payload as object });
  }
  const consentsOf = async (id: string): Promise<ContactConsents> => {
    const response = await call('GET', `/api/v1/contacts/${id}/consents`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const record = async (
    personId: string,
    purpose: Purpose,
    channel: string,
    status: string,
    occurredAt: string,
  ) => {
    const response = await call('POST', `/api/v1/contacts/${personId}/consents`, {
      purposeId: purpose.id,
      channel,
      status,
      occurredAt,
      proof: { source: 'counter' },
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  it('moves every event to the survivor, where the latest choice of either record wins, and gives them back', async () => {
    const survivor = await buildPerson(t, {
      firstName: 'Jeanne',
      lastName: 'Abadie',
      emails: ['j@exemple.fr'],
    });
    const merged = await buildPerson(t, {
      firstName: 'Jeanne',
      lastName: 'Abadie',
      emails: ['ja@exemple.fr'],
    });
    // Newsletter: the survivor withdrew in March, the duplicate granted later, in May.
    await record(survivor, newsletter, 'email', 'withdrawn', '2026-03-01T10:00:00Z');
    await record(merged, newsletter, 'email', 'granted', '2026-05-01T10:00:00Z');
    // Programme by post: the survivor's own choice is the latest.
    await record(merged, programme, 'post', 'granted', '2026-01-01T10:00:00Z');
    await record(survivor, programme, 'post', 'withdrawn', '2026-02-01T10:00:00Z');
    // Programme by SMS: only the duplicate said anything.
    await record(merged, programme, 'sms', 'pending', '2026-04-01T10:00:00Z');
    const before = { survivor: await consentsOf(survivor), merged: await consentsOf(merged) };

    const merge = await call('POST', '/api/v1/contacts/merge', { survivorId: survivor, mergedId: merged });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json().moved.consentEvents).toBe(3);

    const after = await consentsOf(survivor);
    expect(after.history).toHaveLength(5);
    expect(after.history.every((event) => event.personId === survivor)).toBe(true);
    const state = (c: ContactConsents) =>
      c.states.map((s) => `${s.purposeCode}/${s.channel}/${s.status}`).sort();
    expect(state(after)).toEqual([
      'lettre-information/email/granted',
      'programmation/post/withdrawn',
      'programmation/sms/pending',
    ]);
    expect(await consentsOf(merged)).toEqual({ states: [], history: [] });
    // The merged record takes no new consent: it belongs on the survivor.
    const refused = await call('POST', `/api/v1/contacts/${merged}/consents`, {
      purposeId: newsletter.id,
      channel: 'email',
      status: 'granted',
      proof: { source: 'counter' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('consent.person_merged');

    const undo = await call('POST', `/api/v1/contacts/${merged}/unmerge`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await consentsOf(survivor)).toEqual(before.survivor);
    expect(await consentsOf(merged)).toEqual(before.merged);
  });
});
