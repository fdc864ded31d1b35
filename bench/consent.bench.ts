import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConsentChannel } from '@parterre/contract/consent';
import type { CriteriaGroup } from '@parterre/contract/segments';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { openEmbeddedDatabase } from '../server/src/db/connection.ts';
import { migrateDatabase } from '../server/src/db/migrate.ts';
import '../server/src/modules/consent/consent.criteria.ts';
import { seedPurposes } from '../server/src/modules/consent/consent.seed.ts';
import { createConsentService } from '../server/src/modules/consent/consent.service.ts';
import { consentEvents, consentStates } from '../server/src/modules/consent/consent.tables.ts';
import { countPeopleWithoutConsentBySource } from '../server/src/modules/consent/consent-counts.repository.ts';
import { people } from '../server/src/modules/contacts/contacts.tables.ts';
import { sourceKey } from '../server/src/modules/data-quality/data-quality.repository.ts';
import { createAudienceService } from '../server/src/modules/segments/audience.service.ts';
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
const SOURCES = ['billetterie', 'import salon', 'formulaire', null];
const STATUSES = ['granted', 'granted', 'granted', 'withdrawn', 'pending', 'unknown'];

/**
 * Issue 6, item 1: N people (100k by default), ~70% with one to four consent events (and their
 * states) loaded in bulk into the embedded database. Measures the `consent.status` segment count
 * (granted, and none), the data-quality count of people without consent, and the service's
 * record and read of one person's consents, each as p50/p95.
 */
export const consentBenchmark = {
  name: 'consent',
  description:
    'consent.status segment count, no-consent count, record and read of a person’s consents (embedded)',
  async run() {
    const peopleCount = option('people', 100_000);
    const rounds = option('rounds', 20);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-bench-consent-'));
    const database = await openEmbeddedDatabase(path.join(dataDir, 'pglite'));
    await migrateDatabase(database);
    const tenantId = await ensureDefaultTenant(database.db);
    const db = database.db;
    await seedPurposes(db, tenantId);
    const purposes = (
      (await db.execute(
        sql`SELECT p.id, p.channels, w.id AS wording_id FROM purposes p
          JOIN purpose_wordings w ON w.purpose_id = p.id WHERE p.tenant_id = ${tenantId}::uuid ORDER BY p.code`,
      )) as unknown as { rows: { id: string; channels: string[]; wording_id: string }[] }
    ).rows;
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const now = Date.now();

    const loadStarted = performance.now();
    let eventCount = 0;
    const personIds: string[] = [];
    const chunk = 2_000;
    for (let offset = 0; offset < peopleCount; offset += chunk) {
      const personRows = [];
      const eventRows = [];
      const stateRows = new Map<string, typeof consentStates.$inferInsert>();
      for (let i = offset; i < Math.min(peopleCount, offset + chunk); i++) {
        const id = newId();
        personIds.push(id);
        personRows.push({ id, tenantId, lastName: `Personne ${i}`, source: SOURCES[i % SOURCES.length] });
        if (random() < 0.3) continue;
        const count = 1 + Math.floor(random() * 4);
        for (let n = 0; n < count; n++) {
          const purpose = purposes[Math.floor(random() * purposes.length)];
          const channel = purpose.channels[Math.floor(random() * purpose.channels.length)];
          const status = STATUSES[Math.floor(random() * STATUSES.length)];
          const occurredAt = new Date(now - Math.floor(random() * 900) * DAY);
          const eventId = newId();
          eventRows.push({
            id: eventId,
            tenantId,
            personId: id,
            purposeId: purpose.id,
            channel,
            status,
            wordingId: status === 'granted' || status === 'pending' ? purpose.wording_id : null,
            occurredAt,
            sourceKind: 'import',
            sourceFileName: 'historique.csv',
            sourceFileRow: i + 1,
            recordedByKind: 'system',
            recordedByLabel: 'bench',
          });
          const key = `${id}/${purpose.id}/${channel}`;
          const current = stateRows.get(key);
          if (!current || (current.since as Date) <= occurredAt) {
            stateRows.set(key, {
              tenantId,
              personId: id,
              purposeId: purpose.id,
              channel,
              status,
              eventId,
              since: occurredAt,
            });
          }
        }
      }
      await bulkInsert(db, people, personRows);
      await bulkInsert(db, consentEvents, eventRows);
      await bulkInsert(db, consentStates, [...stateRows.values()]);
      eventCount += eventRows.length;
    }
    for (const table of ['people', 'consent_events', 'consent_states']) {
      await db.execute(sql`ANALYZE ${sql.identifier(table)}`);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const scope = systemScope(tenantId);
    const audience = createAudienceService({ database, logger: pino({ level: 'silent' }) });
    const consent = createConsentService({ database });
    const newsletter = purposes[Math.floor(purposes.length / 2)];
    const criteria = (status: string): CriteriaGroup => ({
      op: 'and',
      rules: [
        {
          field: 'consent.status',
          operator: 'is',
          value: { purposeId: newsletter.id, channel: newsletter.channels[0], status },
        },
      ],
    });
    const times = { granted: [] as number[], none: [] as number[], noConsent: [] as number[] };
    const counts = { granted: 0, none: 0, noConsent: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const status of ['granted', 'none'] as const) {
        const started = performance.now();
        counts[status] = await audience.countWhere(
          scope,
          await audience.conditionOf(scope, criteria(status)),
        );
        times[status].push(performance.now() - started);
      }
      const started = performance.now();
      const rows = await countPeopleWithoutConsentBySource(db, { tenantId, sourceKey });
      counts.noConsent = rows.reduce((sum, row) => sum + row.people, 0);
      times.noConsent.push(performance.now() - started);
    }
    const recordTimes: number[] = [];
    const readTimes: number[] = [];
    for (let n = 0; n < rounds * 5; n++) {
      const personId = personIds[Math.floor(random() * personIds.length)];
      let started = performance.now();
      await consent.recordConsents(
        scope,
        personId,
        {
          purposeId: newsletter.id,
          channel: newsletter.channels[0] as ConsentChannel,
          status: 'granted',
          proof: { source: 'counter' },
        },
        { ip: null, userAgent: null },
      );
      recordTimes.push(performance.now() - started);
      started = performance.now();
      await consent.getContactConsents(scope, personId);
      readTimes.push(performance.now() - started);
    }
    await database.close();
    const summary = (values: number[]) => ({
      p50Ms: Math.round(percentile(values, 50)),
      p95Ms: Math.round(percentile(values, 95)),
    });
    return {
      people: peopleCount,
      consentEvents: eventCount,
      loadSeconds: Math.round(loadSeconds),
      rounds,
      segmentGranted: { count: counts.granted, ...summary(times.granted) },
      segmentNone: { count: counts.none, ...summary(times.none) },
      withoutConsentBySource: { count: counts.noConsent, ...summary(times.noConsent) },
      recordOneEvent: summary(recordTimes),
      readPersonConsents: summary(readTimes),
    };
  },
};
