import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CriteriaGroup } from '@parterre/contract/segments';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { openEmbeddedDatabase } from '../server/src/db/connection.ts';
import { migrateDatabase } from '../server/src/db/migrate.ts';
import { lookupFrenchPostalCode } from '../server/src/modules/contacts/contact-normalisation.ts';
import { addresses, people } from '../server/src/modules/contacts/contacts.tables.ts';
import { createDemoGenerator, seededRandom } from '../server/src/modules/contacts/demo-data.ts';
import { createAudienceService } from '../server/src/modules/segments/audience.service.ts';
import '../server/src/modules/ticketing/ticketing.criteria.ts';
import {
  orders,
  performances,
  priceCategories,
  productions,
  ticketLines,
  venues,
} from '../server/src/modules/ticketing/ticketing.tables.ts';
import { bulkInsert } from '../server/src/platform/bulk-insert.ts';
import { newId } from '../server/src/platform/ids.ts';
import { systemScope } from '../server/src/platform/scope.ts';
import { ensureDefaultTenant } from '../server/src/platform/tenancy.ts';
import { percentile } from './support.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const DAY = 86_400_000;
const GENRES = ['théâtre', 'danse', 'musique', 'opéra', 'cirque', 'jeune public'];
const CHANNELS = ['guichet', 'web', 'web', 'telephone'];

/** The benchmark's question: lives in Loire-Atlantique, 2+ theatre tickets in 12 months, tagged. */
const criteria: CriteriaGroup = {
  op: 'and',
  rules: [
    { field: 'geography.departement', operator: 'in', value: { codes: ['44'] } },
    {
      field: 'purchases.tickets',
      operator: 'gte',
      value: { count: 2, disciplines: ['théâtre'], period: { last: { amount: 12, unit: 'month' } } },
    },
    { field: 'identity.tags', operator: 'hasAny', value: { tags: ['abonné', 'mécène'] } },
  ],
};

/** The same question as an analyst would write it over the raw tables. */
const plainSql = (tenantId: string) => sql`
  WITH theatre AS (
    SELECT coalesce(tl.holder_person_id, o.buyer_person_id) AS person_id
    FROM ticket_lines tl JOIN orders o ON o.id = tl.order_id
    JOIN performances pf ON pf.id = tl.performance_id JOIN productions pr ON pr.id = pf.production_id
    WHERE tl.tenant_id = ${tenantId}::uuid AND pr.discipline = 'théâtre'
      AND o.ordered_at >= now() - interval '12 months' AND tl.status = 'valid' AND o.status = 'paid'
    GROUP BY 1 HAVING count(*) >= 2)
  SELECT count(*)::int AS count FROM people p JOIN theatre t ON t.person_id = p.id
  WHERE p.tenant_id = ${tenantId}::uuid AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
    AND p.tags && ARRAY['abonné', 'mécène']
    AND EXISTS (SELECT 1 FROM addresses a WHERE a.person_id = p.id AND a.is_primary AND a.departement_code = '44')`;

/**
 * Issue "Audience knowledge": N people (100k by default) with addresses and ~5 ticket lines each,
 * loaded in bulk into the embedded database; count p95 of a segment mixing geography, purchases
 * in a period and tags, against the same question in hand-written SQL, in the same run.
 */
export const segmentsBenchmark = {
  name: 'segments',
  description: 'segment count p95 (geography + purchases in a period + tags) vs plain SQL (embedded)',
  async run() {
    const peopleCount = option('people', 100_000);
    const rounds = option('rounds', 20);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-bench-segments-'));
    const database = await openEmbeddedDatabase(path.join(dataDir, 'pglite'));
    await migrateDatabase(database);
    const tenantId = await ensureDefaultTenant(database.db);
    const db = database.db;
    const random = seededRandom(11);
    const generator = createDemoGenerator(11);
    const now = Date.now();

    const loadStarted = performance.now();
    const venueIds = ['Grande salle', 'Studio', 'Petite salle'].map((name) => ({ id: newId(), name }));
    await bulkInsert(
      db,
      venues,
      venueIds.map((v) => ({ id: v.id, tenantId, source: 'bench', externalId: v.id, name: v.name })),
    );
    const productionRows = Array.from({ length: 60 }, (_, i) => ({
      id: newId(),
      tenantId,
      source: 'bench',
      externalId: `S${i}`,
      title: `Spectacle ${i}`,
      discipline: GENRES[i % GENRES.length],
    }));
    await bulkInsert(db, productions, productionRows);
    const performanceRows = productionRows.flatMap((production, i) =>
      Array.from({ length: 5 }, (_, n) => {
        const id = newId();
        return {
          id,
          tenantId,
          source: 'bench',
          externalId: id,
          productionId: production.id,
          venueId: venueIds[(i + n) % venueIds.length].id,
          startsAt: new Date(now - (720 - i * 12 - n) * DAY),
        };
      }),
    );
    await bulkInsert(db, performances, performanceRows);
    const prices = ['plein', 'reduit', 'jeune'].map((code) => ({ id: newId(), tenantId, code, label: code }));
    await bulkInsert(db, priceCategories, prices);

    let lineCount = 0;
    const chunk = 2_000;
    for (let offset = 0; offset < peopleCount; offset += chunk) {
      const personRows = [];
      const addressRows = [];
      const orderRows = [];
      const lineRows = [];
      for (let i = offset; i < Math.min(peopleCount, offset + chunk); i++) {
        const person = generator.person(i);
        const id = newId();
        personRows.push({
          id,
          tenantId,
          civility: person.civility,
          firstName: person.firstName,
          lastName: person.lastName,
          birthDate: person.birthDate,
          language: person.language,
          tags: person.tags ?? [],
        });
        for (const address of person.addresses ?? []) {
          const commune = lookupFrenchPostalCode(address.postalCode ?? '', address.city ?? undefined);
          const best = commune.ok ? commune.best : undefined;
          addressRows.push({
            id: newId(),
            tenantId,
            personId: id,
            isPrimary: true,
            line1: address.line1,
            postalCode: address.postalCode,
            city: address.city,
            inseeCode: best?.inseeCode ?? null,
            departementCode: best?.departementCode ?? null,
            regionCode: best?.regionCode ?? null,
          });
        }
        if (random() > 0.8) continue;
        const orderTotal = 1 + Math.floor(random() * 5);
        for (let n = 0; n < orderTotal; n++) {
          const orderId = newId();
          const performance = performanceRows[Math.floor(random() * performanceRows.length)];
          const orderedAt = new Date(performance.startsAt.getTime() - (2 + Math.floor(random() * 60)) * DAY);
          orderRows.push({
            id: orderId,
            tenantId,
            source: 'bench',
            externalId: orderId,
            buyerPersonId: id,
            orderedAt,
            channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
            status: random() < 0.05 ? 'cancelled' : 'paid',
          });
          const seats = 1 + Math.floor(random() * 3);
          for (let s = 0; s < seats; s++) {
            const lineId = newId();
            lineRows.push({
              id: lineId,
              tenantId,
              source: 'bench',
              externalId: lineId,
              orderId,
              performanceId: performance.id,
              priceCategoryId: prices[Math.floor(random() * prices.length)].id,
              amount: 10 + Math.floor(random() * 30),
            });
          }
        }
      }
      await bulkInsert(db, people, personRows);
      await bulkInsert(db, addresses, addressRows);
      await bulkInsert(db, orders, orderRows);
      await bulkInsert(db, ticketLines, lineRows);
      lineCount += lineRows.length;
    }
    for (const table of ['people', 'addresses', 'orders', 'ticket_lines', 'performances', 'productions']) {
      await db.execute(sql`ANALYZE ${sql.identifier(table)}`);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const audience = createAudienceService({ database, logger: pino({ level: 'silent' }) });
    const scope = systemScope(tenantId);
    const segmentTimes: number[] = [];
    const plainTimes: number[] = [];
    let segmentCount = 0;
    let plainCount = 0;
    for (let round = 0; round < rounds; round++) {
      let started = performance.now();
      segmentCount = await audience.countWhere(scope, await audience.conditionOf(scope, criteria));
      segmentTimes.push(performance.now() - started);
      started = performance.now();
      const result = (await db.execute(plainSql(tenantId))) as unknown as { rows: { count: number }[] };
      plainCount = Number(result.rows[0].count);
      plainTimes.push(performance.now() - started);
    }
    await database.close();
    const summary = (times: number[]) => ({
      p50Ms: Math.round(percentile(times, 50)),
      p95Ms: Math.round(percentile(times, 95)),
    });
    return {
      people: peopleCount,
      ticketLines: lineCount,
      loadSeconds: Math.round(loadSeconds),
      rounds,
      segment: { count: segmentCount, ...summary(segmentTimes) },
      plainSql: { count: plainCount, ...summary(plainTimes) },
    };
  },
};
