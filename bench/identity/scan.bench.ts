import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openEmbeddedDatabase } from '../../server/src/db/connection.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { addresses, emails, people, phones } from '../../server/src/modules/contacts/contacts.tables.ts';
import { duplicatePairs } from '../../server/src/modules/identity/identity.tables.ts';
import { runScan } from '../../server/src/modules/identity/scan.jobs.ts';
import { bulkInsert } from '../../server/src/platform/bulk-insert.ts';
import { newId } from '../../server/src/platform/ids.ts';
import { systemScope } from '../../server/src/platform/scope.ts';
import { ensureDefaultTenant } from '../../server/src/platform/tenancy.ts';
import { generateDataset } from './generate-dataset.ts';

/**
 * The full duplicate scan job (`identity.scan`) on the embedded database: N generated people with
 * known duplicates are loaded with their coordinates, then `runScan` streams them from SQL, blocks,
 * scores and writes the review queue. Prints wall time per phase, CPU, peak RSS, and precision and
 * recall of the queue against the generator's truth.
 *
 *   node --import tsx bench/identity/scan.bench.ts --people 100000 [--seed 42] [--no-contact]
 */
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    'no-contact': { type: 'boolean', default: false },
  },
});

const dataset = generateDataset({ people: Number(values.people), seed: Number(values.seed) });
const database = await openEmbeddedDatabase(mkdtempSync(path.join(tmpdir(), 'parterre-bench-scan-')));
await migrateDatabase(database);
const tenantId = await ensureDefaultTenant(database.db);
const ids = dataset.records.map(() => newId());
const indexOf = new Map(ids.map((id, index) => [id, index]));

const loadStarted = performance.now();
const CHUNK = 5000;
for (let start = 0; start < dataset.records.length; start += CHUNK) {
  const chunk = dataset.records.slice(start, start + CHUNK);
  const owner = (i: number) => ({ id: newId(), tenantId, personId: ids[start + i] });
  await database.db.transaction(async (tx) => {
    await bulkInsert(
      tx,
      people,
      chunk.map((r, i) => ({
        id: ids[start + i],
        tenantId,
        firstName: r.firstName ?? null,
        lastName: r.lastName ?? null,
        usageName: r.usageName ?? null,
        birthDate: r.birthDate ?? null,
      })),
    );
    if (!values['no-contact']) {
      await bulkInsert(
        tx,
        emails,
        chunk.flatMap((r, i) => r.emails.map((address, position) => ({ ...owner(i), address, position }))),
      );
      await bulkInsert(
        tx,
        phones,
        chunk.flatMap((r, i) => r.phones.map((e164, position) => ({ ...owner(i), e164, position }))),
      );
    }
    await bulkInsert(
      tx,
      addresses,
      chunk.flatMap((r, i) =>
        r.addresses.map((a, position) => ({
          ...owner(i),
          line1: a.line1 ?? null,
          postalCode: a.postalCode ?? null,
          city: a.city ?? null,
          position,
        })),
      ),
    );
  });
}
await database.sql.executeSql('ANALYZE', []);
const loadSeconds = (performance.now() - loadStarted) / 1000;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
const marks: Record<string, number> = {};
const started = performance.now();
const cpu = process.cpuUsage();
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage(cpu);
  return (user + system) / 1e6;
};
const job = {
  database,
  scope: systemScope(tenantId, 'banc d’essai'),
  logger: pino({ level: 'silent' }),
  async reportProgress(done: number, total?: number | null) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (total && done * 2 >= total && marks.read === undefined) {
      marks.read = performance.now() - started;
      marks.readCpu = cpuSeconds();
    }
    if (total && done === total - 1) {
      marks.scored = performance.now() - started;
      marks.scoredCpu = cpuSeconds();
    }
  },
  async throwIfCancelled() {},
};
const result = await runScan(job);
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
clearInterval(sampler);

const rows = await database.db
  .select({ aId: duplicatePairs.aId, bId: duplicatePairs.bId })
  .from(duplicatePairs);
let truePositives = 0;
for (const row of rows) {
  if (dataset.personOf[indexOf.get(row.aId)!] === dataset.personOf[indexOf.get(row.bId)!]) truePositives++;
}
const groups = new Map<number, number>();
for (const person of dataset.personOf) groups.set(person, (groups.get(person) ?? 0) + 1);
let truePairs = 0;
for (const size of groups.values()) truePairs += (size * (size - 1)) / 2;

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
console.log(
  JSON.stringify(
    {
      records: dataset.records.length,
      contactFields: !values['no-contact'],
      loadSeconds: round(loadSeconds, 1),
      scan: {
        seconds: round(seconds, 1),
        readSeconds: round((marks.read ?? 0) / 1000, 1),
        blockAndScoreSeconds: round(((marks.scored ?? 0) - (marks.read ?? 0)) / 1000, 1),
        writeSeconds: round(seconds - (marks.scored ?? 0) / 1000, 1),
        cpuSeconds: round((user + system) / 1e6, 1),
        readCpuSeconds: round(marks.readCpu ?? 0, 1),
        blockAndScoreCpuSeconds: round((marks.scoredCpu ?? 0) - (marks.readCpu ?? 0), 1),
        peakRssMb: Math.round(peakRss / 2 ** 20),
        recordsPerSecond: Math.round(dataset.records.length / seconds),
      },
      result,
      precision: round(rows.length ? truePositives / rows.length : 1, 4),
      recall: round(truePairs ? truePositives / truePairs : 1, 4),
    },
    null,
    2,
  ),
);
await database.close();
