import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addresses, people, relationships } from '../modules/contacts/contacts.tables.ts';
import { createDemoGenerator } from '../modules/contacts/demo-data.ts';
import { personTicketingSummaries } from '../modules/ticketing/ticketing.tables.ts';
import { systemScope } from '../platform/scope.ts';
import { cliCommands } from './commands.ts';
import { createDemoData } from './demo.ts';

describe('parterre demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('is registered as a CLI command with a --contacts option', () => {
    const demoCommand = cliCommands.find((command) => command.name === 'demo');
    expect(Object.keys(demoCommand?.options ?? {})).toEqual(
      expect.arrayContaining(['contacts', 'seed', 'data']),
    );
  });

  it('generates the same French data for the same seed', () => {
    const a = createDemoGenerator(7).dataset(50);
    const b = createDemoGenerator(7).dataset(50);
    expect(a).toEqual(b);
    expect(createDemoGenerator(8).dataset(50)).not.toEqual(a);
    expect(a.people.some((p) => /[éèëïôçâ]/i.test(`${p.firstName}${p.lastName}`))).toBe(true);
  });

  it('creates people, organisations, employment links and households through the services', async () => {
    const summary = await createDemoData(t.context, systemScope(t.context.defaultTenantId, 'démo'), {
      contacts: 300,
      seed: 3,
    });
    expect(summary.people).toBe(300);
    expect(summary.organisations).toBeGreaterThanOrEqual(5);
    expect(summary.employments).toBeGreaterThan(10);
    expect(summary.households).toBeGreaterThan(5);

    const rows = await t.database.db.select({ id: people.id }).from(people).where(eq(people.source, 'démo'));
    expect(rows).toHaveLength(300);
    const located = await t.database.db.select({ departement: addresses.departementCode }).from(addresses);
    expect(new Set(located.map((row) => row.departement)).size).toBeGreaterThan(20);
    const links = await t.database.db.select({ kind: relationships.kind }).from(relationships);
    expect(new Set(links.map((link) => link.kind))).toEqual(new Set(['employment', 'household']));

    const reader = await buildUser(t, { roles: ['lecteur'] });
    const schools = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?type=etablissement_scolaire',
      headers: reader.headers,
    });
    expect(schools.json().data.length).toBeGreaterThan(0);
    const person = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${rows[0].id}`,
      headers: reader.headers,
    });
    expect(person.json().emails[0].validity).toBe('valid');
  });

  it('sells tickets to the demo buyers, matched by e-mail without creating anyone, and summarises them', async () => {
    const buyers = await t.database.db.select({ id: people.id }).from(people);
    const all = await createDemoData(t.context, systemScope(t.context.defaultTenantId, 'démo'), {
      contacts: 50,
      seed: 9,
    });
    expect(all.orders).toBeGreaterThan(10);
    expect(all.tickets).toBeGreaterThanOrEqual(all.orders);
    const peopleAfter = await t.database.db.select({ id: people.id }).from(people);
    expect(peopleAfter.length).toBe(buyers.length + all.people);
    const summaries = await t.database.db.select().from(personTicketingSummaries);
    expect(summaries.some((row) => row.ticketsCount > 0 && row.spendTotal > 0)).toBe(true);
  });
});
