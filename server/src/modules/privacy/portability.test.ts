import type { Purpose } from '@parterre/contract/consent';
import type { PersonExport } from '@parterre/contract/privacy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildNote } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildLine, buildOrder, pushOrders } from '../ticketing/ticketing-test-data.ts';

describe('portability export of a person', () => {
  let t: TestApp;
  let dpo: TestUser;
  let agent: TestUser;
  let jeanne: string;
  let bernard: string;

  function call(user: TestUser, method: string, url: string, payload?: unknown) {
    return t.app.inject({ method: method as 'GET', url, headers: user.headers, payload: payload as object });
  }
  async function buyerOf(orderId: string): Promise<string> {
    const order = await call(dpo, 'GET', `/api/v1/orders/${orderId}`);
    expect(order.statusCode, order.body).toBe(200);
    return order.json().buyer.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    dpo = await buildUser(t, { roles: ['administrateur'], name: 'Déléguée Protection' });
    agent = await buildUser(t, { roles: ['agent'] });
    const pushed = await pushOrders(t, dpo, 'billetterie', [
      buildOrder('PORT-J1', {
        buyer: {
          externalId: 'C-J',
          firstName: 'Jeanne',
          lastName: 'Portabilité',
          email: 'jeanne.portabilite@example.fr',
        },
        lines: [
          buildLine('PORT-J1-1', { amount: 42 }),
          buildLine('PORT-J1-2', { holder: { externalId: 'C-M', firstName: 'Marc', lastName: 'Compagnon' } }),
        ],
      }),
      buildOrder('PORT-B1', {
        buyer: {
          externalId: 'C-B',
          firstName: 'Bernard',
          lastName: 'Autrepersonne',
          email: 'bernard.autre@example.fr',
        },
      }),
    ]);
    const [j, b] = pushed.results.map((r) => r.orderId!);
    jeanne = await buyerOf(j);
    bernard = await buyerOf(b);
    await buildNote(t, { personId: jeanne, body: '=HYPERLINK("http://x","clic") Abonnée fidèle' });
    await buildNote(t, { personId: bernard, body: 'Note secrète de Bernard' });
    const purposes = (await call(dpo, 'GET', '/api/v1/purposes')).json().data as Purpose[];
    const newsletter = purposes.find((p) => p.code === 'lettre-information')!;
    for (const [person, detail] of [
      [jeanne, 'Guichet du hall, soir de Carmen'],
      [bernard, 'Guichet de Bernard'],
    ]) {
      const recorded = await call(dpo, 'POST', `/api/v1/contacts/${person}/consents`, {
        purposeId: newsletter.id,
        channel: 'email',
        status: 'granted',
        proof: { source: 'counter', detail },
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const request = await call(dpo, 'POST', '/api/v1/privacy/requests', {
      kind: 'access',
      personId: jeanne,
      requesterName: 'Jeanne Portabilité',
      channel: 'email',
    });
    expect(request.statusCode, request.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('gathers her record, orders, notes, consents with proofs and audit entries, and nothing of another person', async () => {
    const response = await call(dpo, 'GET', `/api/v1/contacts/${jeanne}/export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const bundle = response.json() as PersonExport;
    expect(bundle).toMatchObject({ schemaVersion: 1, personId: jeanne });
    expect(Date.parse(bundle.generatedAt)).not.toBeNaN();
    expect(bundle.person).toMatchObject({ firstName: 'Jeanne', lastName: 'Portabilité' });
    expect(JSON.stringify(bundle.person)).toContain('jeanne.portabilite@example.fr');
    expect(bundle.orders.map((o) => o.externalId)).toEqual(['PORT-J1']);
    const [order] = bundle.orders as {
      buyer: string;
      lines: { externalId: string; holder: string | null }[];
    }[];
    expect(order.buyer).toBe('self');
    expect(order.lines.map((l) => [l.externalId, l.holder])).toEqual(
      expect.arrayContaining([
        ['PORT-J1-1', null],
        ['PORT-J1-2', 'other'],
      ]),
    );
    expect(bundle.notes.map((n) => n.body)).toEqual(['=HYPERLINK("http://x","clic") Abonnée fidèle']);
    expect(bundle.consents.states).toEqual([
      expect.objectContaining({ purposeCode: 'lettre-information', status: 'granted' }),
    ]);
    expect(bundle.consents.history).toEqual([
      expect.objectContaining({
        status: 'granted',
        proof: expect.objectContaining({ source: 'counter', detail: 'Guichet du hall, soir de Carmen' }),
      }),
    ]);
    expect(bundle.audit.map((a) => a.action)).toContain('consent.recorded');
    expect(bundle.audit.every((a) => a.entityId === jeanne || JSON.stringify(a).includes(jeanne))).toBe(true);
    expect(bundle.privacyRequests).toEqual([expect.objectContaining({ kind: 'access', personId: jeanne })]);
    const text = JSON.stringify(bundle);
    for (const foreign of [
      'Compagnon',
      bernard,
      'Bernard',
      'Autrepersonne',
      'bernard.autre@example.fr',
      'PORT-B1',
      'Note secrète',
    ]) {
      expect(text).not.toContain(foreign);
    }
    expect(JSON.stringify(bundle.orders)).not.toContain('Compagnon');
  });

  it('logs the export as an access to her personal data', async () => {
    const count = async () =>
      Number(
        (
          await t.database.sql.executeSql(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.export' AND entity_id = '${jeanne}' AND actor_id = '${dpo.id}'`,
          )
        ).rows[0].n,
      );
    const before = await count();
    await call(dpo, 'GET', `/api/v1/contacts/${jeanne}/export?format=csv`);
    expect(await count()).toBe(before + 1);
  });

  it('writes a CSV of every section with formulas neutralised', async () => {
    const response = await call(dpo, 'GET', `/api/v1/contacts/${jeanne}/export?format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const csv = response.body;
    expect(csv.startsWith('\uFEFFsection;élément;champ;valeur')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""clic"") Abonnée fidèle"`);
    expect(csv).not.toMatch(/;=HYPERLINK/);
    expect(csv).toContain('historique des consentements;1;proof.detail;Guichet du hall, soir de Carmen\r');
    expect(csv).toContain('commandes;1;externalId;PORT-J1');
    expect(csv).not.toContain('Bernard');
  });

  it('is refused to an agent (403) and answers 404 for an unknown person', async () => {
    expect((await call(agent, 'GET', `/api/v1/contacts/${jeanne}/export`)).statusCode).toBe(403);
    const unknown = await call(dpo, 'GET', '/api/v1/contacts/01900000-0000-7000-8000-000000000000/export');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('privacy.export_person_not_found');
  });

  it('writes a readable HTML summary with every value escaped', async () => {
    await buildNote(t, { personId: jeanne, body: '<script>alert("x")</script> à rappeler' });
    const response = await call(dpo, 'GET', `/api/v1/contacts/${jeanne}/export?format=html`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<h1>Vos données personnelles</h1>');
    expect(html).toContain('<h2>Notes (2)</h2>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; à rappeler');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Guichet du hall, soir de Carmen');
    expect(html).not.toContain('Bernard');
  });
});
