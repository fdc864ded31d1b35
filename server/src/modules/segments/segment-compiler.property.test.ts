import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../../test/test-app.ts';
import type { Database } from '../../db/connection.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { newId } from '../../platform/ids.ts';
import { systemScope } from '../../platform/scope.ts';
import { ensureDefaultTenant } from '../../platform/tenancy.ts';
import { addresses, customFieldDefinitions, people } from '../contacts/contacts.tables.ts';
import { livePeople } from '../contacts/contacts-list.repository.ts';
import { queryRows } from '../contacts/contacts-list.sql.ts';
import {
  orders,
  performances,
  priceCategories,
  productions,
  seasons,
  ticketLines,
  venues,
  visits,
} from '../ticketing/ticketing.tables.ts';
import { refreshTicketingSummaries } from '../ticketing/ticketing-summaries.repository.ts';
import '../ticketing/ticketing.criteria.ts';
import { createAudienceService } from './audience.service.ts';
import {
  catalogue,
  DAY,
  DEPARTEMENTS,
  datasetArbitrary,
  treeArbitrary,
} from './segment-arbitraries.test-support.ts';
import { type Catalogue, type Dataset, evaluateTree } from './segment-oracle.test-support.ts';
import { staticListMembers, staticLists } from './segments.tables.ts';

vi.setConfig({ testTimeout: 600_000 });

async function load(database: Database, tenantId: string, cat: Catalogue, data: Dataset['raw'], now: number) {
  const db = database.db;
  await database.sql.executeSql(
    `TRUNCATE people, addresses, orders, ticket_lines, visits, person_ticketing_summaries, static_list_members CASCADE`,
  );
  const personIds = data.people.map(() => newId());
  const birthDates = data.people.map((p) =>
    p.birthYearsAgo === null
      ? null
      : new Date(now - p.birthYearsAgo * 365.25 * DAY + p.birthDayOffset * DAY).toISOString().slice(0, 10),
  );
  await db.insert(people).values(
    data.people.map((p, i) => {
      return {
        id: personIds[i],
        tenantId,
        language: p.language,
        civility: p.civility,
        tags: p.tags,
        birthDate: birthDates[i],
        customFields: p.places === null ? {} : { places: p.places },
        deletedAt: p.gone === 'deleted' ? new Date(now) : null,
        mergedIntoId: p.gone === 'merged' ? personIds[0] : null,
      };
    }),
  );
  const addressIds = data.people.map((p) => p.addresses.map(() => newId()));
  const addressRows = data.people.flatMap((p, i) =>
    p.addresses.map((a, j) => {
      const place = DEPARTEMENTS[a.place];
      return {
        id: addressIds[i][j],
        tenantId,
        personId: personIds[i],
        isPrimary: a.isPrimary,
        position: a.position,
        postalCode: a.empty ? null : place.postal,
        departementCode: a.empty ? null : place.departement,
        regionCode: a.empty ? null : place.region,
      };
    }),
  );
  if (addressRows.length > 0) await db.insert(addresses).values(addressRows);
  const members = data.people.flatMap((p, i) => (p.inList ? [personIds[i]] : []));
  if (members.length > 0) {
    await db
      .insert(staticListMembers)
      .values(members.map((personId) => ({ tenantId, listId: cat.listId, personId })));
  }
  const who = (index: number | null) =>
    index === null ? null : (personIds[index % personIds.length] ?? null);
  const orderIds = data.orders.map(() => newId());
  const lineIds: string[] = [];
  if (data.orders.length > 0) {
    await db.insert(orders).values(
      data.orders.map((o, i) => ({
        id: orderIds[i],
        tenantId,
        source: 'test',
        externalId: orderIds[i],
        buyerPersonId: who(o.buyer),
        orderedAt: o.orderedDaysAgo === null ? null : new Date(now - o.orderedDaysAgo * DAY),
        channel: o.channel,
        status: o.status,
        total: o.total,
      })),
    );
    const lines = data.orders.flatMap((o, i) =>
      o.lines.map((l) => {
        const id = newId();
        lineIds.push(id);
        return {
          id,
          tenantId,
          source: 'test',
          externalId: id,
          orderId: orderIds[i],
          performanceId: l.performance === null ? null : cat.performances[l.performance].id,
          priceCategoryId: l.priceCategory === null ? null : cat.priceCategories[l.priceCategory],
          holderPersonId: who(l.holder),
          amount: l.amount,
          status: l.status,
        };
      }),
    );
    if (lines.length > 0) await db.insert(ticketLines).values(lines);
  }
  if (data.visits.length > 0) {
    await db.insert(visits).values(
      data.visits.map((v) => {
        const id = newId();
        return {
          id,
          tenantId,
          source: 'test',
          externalId: id,
          personId: who(v.person),
          performanceId: v.performance === null ? null : cat.performances[v.performance].id,
          ticketLineId: v.ticketOf === null ? null : (lineIds[v.ticketOf] ?? null),
          scannedAt: new Date(now - v.scannedDaysAgo * DAY),
        };
      }),
    );
  }
  await refreshTicketingSummaries(db, tenantId, personIds);
  return { personIds, orderIds, lineIds, birthDates, addressIds };
}

describe('segment compiler', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let tenantId: string;
  const now = Date.now();
  const cat = catalogue(now);

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await migrateDatabase(database);
    tenantId = await ensureDefaultTenant(database.db);
    const db = database.db;
    const source = { source: 'test' };
    await db
      .insert(venues)
      .values(cat.venues.map((id) => ({ id, tenantId, ...source, externalId: id, name: id })));
    await db
      .insert(seasons)
      .values(cat.seasons.map((id) => ({ id, tenantId, ...source, externalId: id, name: id })));
    await db.insert(productions).values(
      cat.productions.map((p) => ({
        id: p.id,
        tenantId,
        ...source,
        externalId: p.id,
        title: p.id,
        discipline: p.discipline,
        seasonId: p.seasonId,
      })),
    );
    await db
      .insert(performances)
      .values(cat.performances.map((p) => ({ ...p, tenantId, ...source, externalId: p.id })));
    await db
      .insert(priceCategories)
      .values(cat.priceCategories.map((id) => ({ id, tenantId, code: id, label: id })));
    await db.insert(staticLists).values({ id: cat.listId, tenantId, name: 'Liste' });
    await db
      .insert(customFieldDefinitions)
      .values({ id: newId(), tenantId, entity: 'person', key: 'places', label: 'Places', type: 'number' });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('selects exactly the people a plain evaluation of the same criteria selects', async () => {
    const audience = createAudienceService({ database, logger: pino({ level: 'silent' }) });
    const scope = systemScope(tenantId);
    await fc.assert(
      fc.asyncProperty(
        datasetArbitrary(cat),
        fc.array(treeArbitrary(cat), { minLength: 30, maxLength: 30 }),
        async (raw, trees) => {
          const loaded = await load(database, tenantId, cat, raw, now);
          const dataset: Dataset = { raw, ...loaded, catalogue: cat, now: new Date(now) };
          for (const tree of trees) {
            const where = await audience.conditionOf(scope, tree, { now: new Date(now) });
            const rows = await queryRows<{ id: string }>(
              database.db,
              sql`SELECT p.id FROM people p WHERE ${livePeople(tenantId)} AND ${where} ORDER BY p.id`,
            );
            const expected = evaluateTree(tree, dataset).sort();
            expect({ tree, ids: rows.map((r) => String(r.id)) }).toEqual({ tree, ids: expected });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
