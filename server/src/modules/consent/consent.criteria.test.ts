import type { Purpose } from '@parterre/contract/consent';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildPerson } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { systemScope } from '../../platform/scope.ts';
import { createAudienceService } from '../segments/audience.service.ts';

describe('segment criterion consent.status', () => {
  let t: TestApp;
  let manager: TestUser;
  let newsletter: Purpose;
  let surveys: Purpose;
  const ids: Record<string, string> = {};

  function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
    return t.app.inject({ method, url, headers: manager.headers, payload: payload as object });
  }
  const record = async (
    name: string,
    purpose: Purpose,
    channel: string,
    status: string,
    occurredAt?: string,
  ) => {
    const response = await call('POST', `/api/v1/contacts/${ids[name]}/consents`, {
      purposeId: purpose.id,
      channel,
      status,
      occurredAt,
      proof: { source: 'counter' },
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    manager = await buildUser(t, { roles: ['responsable'] });
    const purposes = (await call('GET', '/api/v1/purposes')).json().data as Purpose[];
    newsletter = purposes.find((p) => p.code === 'lettre-information')!;
    surveys = purposes.find((p) => p.code === 'enquetes')!;
    for (const name of [
      'granted',
      'withdrawn',
      'pending',
      'unknown',
      'smsOnly',
      'nothing',
      'lateWithdrawn',
    ]) {
      ids[name] = await buildPerson(t, { lastName: name });
    }
    ids.trashed = await buildPerson(t, { lastName: 'trashed', deleted: true });
    await record('granted', newsletter, 'email', 'granted');
    await record('withdrawn', newsletter, 'email', 'granted', '2026-01-01T00:00:00Z');
    await record('withdrawn', newsletter, 'email', 'withdrawn', '2026-02-01T00:00:00Z');
    await record('pending', newsletter, 'email', 'pending');
    await record('unknown', newsletter, 'email', 'unknown');
    await record('smsOnly', surveys, 'sms', 'granted');
    // A late, older grant does not undo the withdrawal.
    await record('lateWithdrawn', newsletter, 'email', 'withdrawn', '2026-03-01T00:00:00Z');
    await record('lateWithdrawn', newsletter, 'email', 'granted', '2025-12-01T00:00:00Z');
  });
  afterAll(async () => t?.close());

  it('is listed in the registry with the purposes as options', async () => {
    const response = await call('GET', '/api/v1/segments/fields');
    expect(response.statusCode).toBe(200);
    const field = response.json().data.find((f: { id: string }) => f.id === 'consent.status');
    expect(field).toMatchObject({
      category: 'consent',
      operators: ['is', 'isNot'],
      permission: 'consent.read',
    });
    expect(field.options).toEqual(
      expect.arrayContaining([
        { value: newsletter.id, label: { fr: 'Lettre d’information', en: 'Newsletter' } },
      ]),
    );
    expect(response.json().categories.map((c: { id: string }) => c.id)).toContain('consent');
  });

  it('counts people by current status, none meaning nothing known, and negations', async () => {
    const members = async (operator: string, status: string, purpose = newsletter, channel = 'email') => {
      const response = await call('POST', '/api/v1/segments:count', {
        criteria: {
          op: 'and',
          rules: [{ field: 'consent.status', operator, value: { purposeId: purpose.id, channel, status } }],
        },
        sample: 20,
      });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().sample as { lastName: string }[]).map((p) => p.lastName).sort();
    };
    expect(await members('is', 'granted')).toEqual(['granted']);
    expect(await members('is', 'withdrawn')).toEqual(['lateWithdrawn', 'withdrawn']);
    expect(await members('is', 'pending')).toEqual(['pending']);
    expect(await members('is', 'none')).toEqual(['nothing', 'smsOnly', 'unknown']);
    expect(await members('isNot', 'granted')).toEqual([
      'lateWithdrawn',
      'nothing',
      'pending',
      'smsOnly',
      'unknown',
      'withdrawn',
    ]);
    expect(await members('is', 'granted', surveys, 'sms')).toEqual(['smsOnly']);
    expect(await members('is', 'granted', surveys, 'email')).toEqual([]);
  });

  it('refuses an unknown purpose with a 400 naming the rule', async () => {
    const response = await call('POST', '/api/v1/segments:count', {
      criteria: {
        op: 'and',
        rules: [
          {
            field: 'consent.status',
            operator: 'is',
            value: { purposeId: '0190a3c2-7b1e-7000-8000-000000000001', channel: 'email', status: 'granted' },
          },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('finalité inconnue');
  });

  it('compiles to an indexed probe of consent_states, never a NOT IN list', async () => {
    const audience = createAudienceService(t.context);
    const scope = systemScope(t.context.defaultTenantId);
    const condition = await audience.conditionOf(scope, {
      op: 'and',
      rules: [
        {
          field: 'consent.status',
          operator: 'is',
          value: { purposeId: newsletter.id, channel: 'email', status: 'none' },
        },
      ],
    });
    const plan = await t.database.db.transaction(async (tx) => {
      // Tiny tables favour sequential scans; without them, an index must serve the criterion.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const result = await tx.execute(sql`EXPLAIN SELECT count(*) FROM people p WHERE ${condition}`);
      return (result as unknown as { rows: Record<string, string>[] }).rows
        .map((row) => Object.values(row)[0])
        .join('\n');
    });
    expect(plan).toMatch(/consent_states_(tenant_id_person_id_purpose_id_channel_pk|purpose_idx)/);
    // An anti-join on the states, not a subplan run (or rescanned) for each person.
    expect(plan).toMatch(/Anti Join/);
    expect(plan).not.toMatch(/SubPlan/);
  });
});
