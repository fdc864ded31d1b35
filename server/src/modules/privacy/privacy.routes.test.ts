import type { PrivacyRequest } from '@parterre/contract/privacy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildPerson } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addDays, parisToday } from './privacy-dates.ts';

describe('register of data-subject requests', () => {
  let t: TestApp;
  let dpo: TestUser;
  let responsable: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    dpo = await buildUser(t, { roles: ['administrateur'], name: 'Déléguée Protection' });
    responsable = await buildUser(t, { roles: ['responsable'] });
    agent = await buildUser(t, { roles: ['agent'] });
  });
  afterAll(async () => t?.close());

  function call(user: TestUser, method: string, url: string, payload?: unknown, headers = {}) {
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...user.headers, ...headers },
      payload: payload as object,
    });
  }
  const countRows = async (table: string, where = 'true') =>
    Number(
      (await t.database.sql.executeSql(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)).rows[0].n,
    );
  async function create(body: Record<string, unknown>, user = dpo): Promise<PrivacyRequest> {
    const response = await call(user, 'POST', '/api/v1/privacy/requests', {
      kind: 'access',
      requesterName: 'Jeanne Abadie',
      channel: 'email',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('registers a request due one calendar month after receipt, audited and announced', async () => {
    const person = await buildPerson(t, { firstName: 'Jeanne', lastName: 'Abadie' });
    const created = await create({
      kind: 'portability',
      personId: person,
      requesterEmail: 'jeanne@example.fr',
      receivedOn: '2026-01-31',
      channel: 'post',
      assigneeId: responsable.id,
    });
    expect(created).toMatchObject({
      kind: 'portability',
      personId: person,
      receivedOn: '2026-01-31',
      dueOn: '2026-02-28',
      status: 'received',
      identityCheck: { status: 'to_verify', checkedBy: null },
      assigneeId: responsable.id,
      extension: null,
      overdue: true,
      version: 1,
    });
    expect(
      await countRows('audit_log', `entity_id = '${created.id}' AND action = 'privacy_request.created'`),
    ).toBe(1);
    expect(
      await countRows('outbox_events', `entity_id = '${created.id}' AND type = 'privacy_request.created'`),
    ).toBe(1);
    const leap = await create({ receivedOn: '2024-01-31' });
    expect(leap.dueOn).toBe('2024-02-29');
    const fetched = await call(responsable, 'GET', `/api/v1/privacy/requests/${created.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers.etag).toBe('"1"');
    expect(fetched.json().requesterEmail).toBe('jeanne@example.fr');
  });

  it('extends the deadline once with a reason, counted from receipt', async () => {
    const created = await create({ receivedOn: '2026-01-31' });
    const url = `/api/v1/privacy/requests/${created.id}`;
    const noReason = await call(dpo, 'PATCH', url, { extension: { months: 2 } }, { 'if-match': '"1"' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'common.validation' });
    expect(
      noReason
        .json()
        .errors.map((e: { path: string }) => e.path)
        .join(),
    ).toContain('extension');
    const extended = await call(
      dpo,
      'PATCH',
      url,
      { extension: { months: 2, reason: 'Demande complexe : archives papier à consulter' } },
      { 'if-match': '"1"' },
    );
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({
      dueOn: '2026-04-30',
      extension: { months: 2, reason: 'Demande complexe : archives papier à consulter' },
      version: 2,
    });
    const again = await call(
      dpo,
      'PATCH',
      url,
      { extension: { months: 1, reason: 'Encore' } },
      { 'if-match': '"2"', 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'privacy.already_extended' });
    expect(again.json().detail).toContain('only once');
    // Only the accepted extension was written: the refused attempts left no event behind.
    expect(
      await countRows('outbox_events', `entity_id = '${created.id}' AND type = 'privacy_request.updated'`),
    ).toBe(1);
    const after = (await call(dpo, 'GET', url)).json();
    expect(after).toMatchObject({ dueOn: '2026-04-30', version: 2 });
    expect(
      await countRows(
        'audit_log',
        `entity_id = '${created.id}' AND reason = 'Demande complexe : archives papier à consulter'`,
      ),
    ).toBe(1);
  });

  it('records who checked the identity, and requires an answer to close', async () => {
    const created = await create({});
    const url = `/api/v1/privacy/requests/${created.id}`;
    const checked = await call(
      dpo,
      'PATCH',
      url,
      { identityCheckStatus: 'verified', status: 'in_progress' },
      {
        'if-match': '"1"',
      },
    );
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().identityCheck).toMatchObject({
      status: 'verified',
      checkedBy: dpo.id,
      checkedByName: 'Déléguée Protection',
    });
    expect(checked.json().identityCheck.checkedAt).not.toBeNull();
    const auditsBefore = await countRows('audit_log', `entity_id = '${created.id}'`);
    const noAnswer = await call(dpo, 'PATCH', url, { status: 'answered' }, { 'if-match': '"2"' });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json()).toMatchObject({
      code: 'privacy.answer_required',
      detail: expect.stringContaining('réponse'),
    });
    expect(noAnswer.json().errors[0].path).toBe('body.answer');
    expect(await countRows('audit_log', `entity_id = '${created.id}'`)).toBe(auditsBefore);
    const answered = await call(
      dpo,
      'PATCH',
      url,
      { status: 'answered', answer: 'Export envoyé par courriel chiffré.' },
      { 'if-match': '"2"' },
    );
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredOn: parisToday(), overdue: false });
  });

  it('refuses a missing If-Match with 428 and a stale one with 412 and the current request', async () => {
    const created = await create({});
    const url = `/api/v1/privacy/requests/${created.id}`;
    expect((await call(dpo, 'PATCH', url, { status: 'in_progress' })).statusCode).toBe(428);
    await call(dpo, 'PATCH', url, { status: 'in_progress' }, { 'if-match': '"1"' });
    const stale = await call(dpo, 'PATCH', url, { status: 'closed' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ status: 'in_progress', version: 2 });
  });

  it('refuses bad input in French or English, writing nothing', async () => {
    const before = await countRows('privacy_requests');
    const bad = await call(dpo, 'POST', '/api/v1/privacy/requests', { kind: 'deletion', channel: 'email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({
      code: 'common.validation',
      detail: 'Certaines informations sont invalides.',
    });
    const future = await call(
      dpo,
      'POST',
      '/api/v1/privacy/requests',
      { kind: 'erasure', requesterName: 'X', channel: 'form', receivedOn: addDays(parisToday(), 3) },
      { 'accept-language': 'en' },
    );
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      code: 'privacy.received_in_future',
      detail: 'The date of receipt is in the future.',
    });
    const unknownPerson = await call(dpo, 'POST', '/api/v1/privacy/requests', {
      kind: 'erasure',
      requesterName: 'X',
      channel: 'form',
      personId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknownPerson.json()).toMatchObject({ code: 'privacy.person_not_found' });
    const unknownAssignee = await call(dpo, 'POST', '/api/v1/privacy/requests', {
      kind: 'erasure',
      requesterName: 'X',
      channel: 'form',
      assigneeId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknownAssignee.statusCode).toBe(400);
    expect(unknownAssignee.json().errors[0]).toMatchObject({
      path: 'body.assigneeId',
      code: 'privacy.assignee_not_found',
    });
    expect(await countRows('privacy_requests')).toBe(before);
  });

  it('forbids an agent to register or update a request (403)', async () => {
    const created = await create({});
    const post = await call(agent, 'POST', '/api/v1/privacy/requests', {
      kind: 'access',
      requesterName: 'X',
      channel: 'email',
    });
    expect(post.statusCode).toBe(403);
    const patch = await call(
      agent,
      'PATCH',
      `/api/v1/privacy/requests/${created.id}`,
      { status: 'closed' },
      {
        'if-match': '"1"',
      },
    );
    expect(patch.statusCode).toBe(403);
    expect((await call(dpo, 'GET', `/api/v1/privacy/requests/${created.id}`)).json().status).toBe('received');
  });

  it('lists open requests due by a day, earliest first, with open / overdue / due-in-7-days counts', async () => {
    const today = parisToday();
    const counts = async () => (await call(dpo, 'GET', '/api/v1/privacy/requests?limit=1')).json().counts;
    const start = await counts();
    const late = await create({ kind: 'objection', receivedOn: addDays(today, -40) });
    const soon = await create({ kind: 'objection', receivedOn: addDays(today, -26) });
    const later = await create({ kind: 'objection', receivedOn: today });
    const done = await create({ kind: 'objection', receivedOn: addDays(today, -26) });
    await call(
      dpo,
      'PATCH',
      `/api/v1/privacy/requests/${done.id}`,
      { status: 'refused', answer: 'Identité non établie.' },
      {
        'if-match': '"1"',
      },
    );
    const end = await counts();
    expect(end.open - start.open).toBe(3);
    expect(end.overdue - start.overdue).toBe(1);
    expect(end.dueWithin7Days - start.dueWithin7Days).toBe(1);
    const due = await call(
      responsable,
      'GET',
      `/api/v1/privacy/requests?kind=objection&dueBefore=${addDays(today, 7)}`,
    );
    expect(due.statusCode).toBe(200);
    const ids = (due.json().data as PrivacyRequest[]).map((r) => r.id);
    expect(ids).toEqual([late.id, soon.id]);
    expect(due.json().data[0].overdue).toBe(true);
    const all = (await call(dpo, 'GET', '/api/v1/privacy/requests?kind=objection&limit=2')).json();
    expect(all.data.map((r: PrivacyRequest) => r.id)).toEqual([late.id, expect.any(String)]);
    const next = (
      await call(dpo, 'GET', `/api/v1/privacy/requests?kind=objection&limit=2&cursor=${all.nextCursor}`)
    ).json();
    expect([...all.data, ...next.data].map((r: PrivacyRequest) => r.id)).toContain(later.id);
    expect(next.data.at(-1).id).toBe(later.id);
    const refused = (await call(dpo, 'GET', '/api/v1/privacy/requests?status=refused')).json();
    expect(refused.data.map((r: PrivacyRequest) => r.id)).toContain(done.id);
  });

  it('documents the register and the export in OpenAPI', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/privacy/requests',
        '/api/v1/privacy/requests/{id}',
        '/api/v1/contacts/{id}/export',
      ]),
    );
    expect(document.paths['/api/v1/privacy/requests/{id}'].patch.summary).toContain('If-Match');
  });
});
