import { loadConfig } from '../config.ts';
import { type ContactsContext, createContactsServices } from '../modules/contacts/contacts.services.ts';
import { createDemoGenerator } from '../modules/contacts/demo-data.ts';
import { createDemoSales } from '../modules/ticketing/demo-sales.ts';
import type { AppContext } from '../platform/context.ts';
import { type RequestScope, systemScope } from '../platform/scope.ts';
import { startRuntime } from '../runtime.ts';
import { type CliCommand, CliUsageError, dataOption } from './command.ts';

export type DemoSummary = {
  people: number;
  organisations: number;
  employments: number;
  households: number;
  orders: number;
  tickets: number;
};

/**
 * Creates French demo data through the services (people in batches of 1,000), as the API would:
 * normalised, audited and with their events. Deterministic for a given seed.
 */
export async function createDemoData(
  context: ContactsContext & Pick<AppContext, 'database'>,
  scope: RequestScope,
  options: { contacts: number; seed: number },
): Promise<DemoSummary> {
  const services = createContactsServices(context);
  const data = createDemoGenerator(options.seed).dataset(options.contacts);
  const personIds: (string | undefined)[] = [];
  for (let start = 0; start < data.people.length; start += 1000) {
    const { results } = await services.peopleBatch.createPeopleBatch(
      scope,
      data.people.slice(start, start + 1000),
      'cli:demo',
    );
    for (const result of results) personIds[start + result.index] = result.id;
  }
  const organisationIds: string[] = [];
  for (const organisation of data.organisations) {
    organisationIds.push((await services.organisations.findOrCreateOrganisation(scope, organisation)).id);
  }
  let employments = 0;
  for (const link of data.employments) {
    const personId = personIds[link.person];
    if (!personId) continue;
    await services.relationships.createRelationship(scope, {
      kind: 'employment',
      fromPersonId: personId,
      toOrganisationId: organisationIds[link.organisation],
      role: link.role,
    });
    employments += 1;
  }
  let households = 0;
  for (const [a, b] of data.households) {
    if (!personIds[a] || !personIds[b]) continue;
    await services.relationships.createRelationship(scope, {
      kind: 'household',
      fromPersonId: personIds[a],
      toPersonId: personIds[b],
    });
    households += 1;
  }
  const buyers = data.people.flatMap((person, index) =>
    personIds[index] && person.emails?.[0] ? [{ email: person.emails[0].address }] : [],
  );
  const sales = await createDemoSales(context, scope, buyers, options.seed);
  return {
    ...sales,
    people: personIds.filter(Boolean).length,
    organisations: new Set(organisationIds).size,
    employments,
    households,
  };
}

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--contacts N] [--seed N] [--data DIR]',
  description:
    'Crée des données de démonstration réalistes : contacts français, structures (théâtres, mécènes, écoles, collectivités), liens, foyers et ventes de billets.',
  options: { contacts: { type: 'string' }, seed: { type: 'string' }, ...dataOption },
  async run(values) {
    const contacts = values.contacts === undefined ? 200 : Number(values.contacts);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(contacts) || contacts < 1 || contacts > 1_000_000) {
      throw new CliUsageError('--contacts doit être un nombre entre 1 et 1 000 000');
    }
    if (!Number.isInteger(seed)) throw new CliUsageError('--seed doit être un nombre entier');
    const config = loadConfig(process.env, { dataDir: values.data as string | undefined });
    const runtime = await startRuntime(config, { command: 'demo', http: false, work: false });
    try {
      const started = Date.now();
      const scope = systemScope(runtime.context.defaultTenantId, 'démo');
      const summary = await createDemoData(runtime.context, scope, { contacts, seed });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `Démo créée en ${seconds} s : ${summary.people} contacts, ${summary.organisations} structures, ${summary.employments} liens d’emploi, ${summary.households} foyers, ${summary.orders} commandes et ${summary.tickets} billets.`,
      );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
