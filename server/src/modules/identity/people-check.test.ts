import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { jobRuns } from '../../platform/platform.tables.ts';
import { createPerson } from '../contacts/contacts.test-support.ts';
import { multipart } from '../intake/import-test-data.ts';
import { buildOrder } from '../ticketing/ticketing-test-data.ts';

describe('checking people created by imports and push batches', () => {
  let t: TestApp;
  let manager: TestUser;
  let existing: { kerjean: string; vergnaud: string };

  /** Waits until every queued people check has run, and returns their results. */
  async function settledChecks() {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const runs = await t.database.db
        .select({ status: jobRuns.status, result: jobRuns.result, error: jobRuns.error })
        .from(jobRuns)
        .where(
          and(eq(jobRuns.tenantId, t.context.defaultTenantId), eq(jobRuns.type, 'identity.check-people')),
        );
      if (runs.every((run) => ['succeeded', 'failed', 'cancelled'].includes(run.status))) return runs;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('people checks did not finish');
  }

  async function importAndWait(csv: string, dedupe: string) {
    const mapping = JSON.stringify({
      source: 'guichet',
      columns: {
        Prenom: 'person.firstName',
        Nom: 'person.lastName',
        Adresse: 'person.address.line1',
        CP: 'person.address.postalCode',
        Ville: 'person.address.city',
      },
    });
    const body = multipart(Buffer.from(csv), 'spectateurs.csv', { mapping, dedupe });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...manager.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(202);
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const state = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/imports/${response.json().importId}`,
          headers: manager.headers,
        })
      ).json();
      if (['succeeded', 'failed', 'cancelled'].includes(state.status)) {
        expect(state.status).toBe('succeeded');
        return state;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('import did not finish');
  }

  const pendingPairs = async () =>
    (
      await t.app.inject({ method: 'GET', url: '/api/v1/duplicates?minScore=0', headers: manager.headers })
    ).json().data as { a: { id: string; displayName: string }; b: { id: string; displayName: string } }[];

  beforeAll(async () => {
    t = await createTestApp();
    manager = await buildUser(t, { roles: ['responsable'] });
    existing = {
      kerjean: (
        await createPerson(t, manager, {
          firstName: 'Gwenaëlle',
          lastName: 'Kerjean',
          addresses: [{ line1: '12 rue des Lilas', postalCode: '29200', city: 'Brest' }],
        })
      ).id,
      vergnaud: (
        await createPerson(t, manager, {
          firstName: 'Anatole',
          lastName: 'Vergnaud',
          birthDate: '1961-05-17',
          emails: [{ address: 'anatole.vergnaud@exemple.fr' }],
          addresses: [{ line1: '3 allée des Tilleuls', postalCode: '21000', city: 'Dijon' }],
        })
      ).id,
    };
  });
  afterAll(async () => t?.close());

  it('an import with dedupe review queues the new person against the base', async () => {
    await importAndWait(
      'Prenom;Nom;Adresse;CP;Ville\nGwenaelle;Kerjan;12 rue des Lilas;29200;Brest\n',
      'review',
    );
    const runs = await settledChecks();
    expect(runs).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        result: expect.objectContaining({ pending: 1, merged: 0 }),
      }),
    ]);
    const pairs = await pendingPairs();
    const pair = pairs.find((p) => p.a.id === existing.kerjean || p.b.id === existing.kerjean);
    expect(pair).toBeDefined();
    expect([pair!.a.displayName, pair!.b.displayName].sort()).toEqual([
      'Gwenaelle Kerjan',
      'Gwenaëlle Kerjean',
    ]);
  });

  it('an import with dedupe off checks nothing', async () => {
    const before = (await settledChecks()).length;
    await importAndWait(
      'Prenom;Nom;Adresse;CP;Ville\nGwenaelle;Kerjeann;12 rue des Lilas;29200;Brest\n',
      'off',
    );
    expect(await settledChecks()).toHaveLength(before);
  });

  it('a push batch with dedupe merge merges a new buyer at or above the automatic threshold', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ticketing/orders:batch',
      headers: manager.headers,
      payload: {
        source: 'billetweb',
        dedupe: 'merge',
        orders: [
          buildOrder('M-1', {
            buyer: {
              firstName: 'Anatole',
              lastName: 'Vergnaud',
              email: 'a.vergnaud@autre.fr',
              birthDate: '1961-05-17',
              address: { line1: '3 allee des Tilleuls', postalCode: '21000', city: 'Dijon' },
            },
          }),
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const runs = await settledChecks();
    expect(runs).toContainEqual(
      expect.objectContaining({
        status: 'succeeded',
        result: expect.objectContaining({ merged: 1, pending: 0 }),
      }),
    );
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${existing.vergnaud}/merges`,
        headers: manager.headers,
      })
    ).json();
    expect(history).toHaveLength(1);
    const orders = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orders?personId=${existing.vergnaud}`,
        headers: manager.headers,
      })
    ).json();
    expect(orders.data.map((o: { externalId: string }) => o.externalId)).toEqual(['M-1']);
    const person = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${existing.vergnaud}`,
        headers: manager.headers,
      })
    ).json();
    expect(person.emails.map((e: { address: string }) => e.address).sort()).toEqual([
      'a.vergnaud@autre.fr',
      'anatole.vergnaud@exemple.fr',
    ]);
  });
});
