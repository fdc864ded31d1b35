import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../e2e/support/server.ts';
import { createDemoGenerator } from '../server/src/modules/contacts/demo-data.ts';
import { parterreCli, percentile, rssMb } from './support.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function timed(fetchOnce: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await fetchOnce();
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

/**
 * Issue "Contacts": N people (1M by default) created through the batch API, 100k organisations,
 * then search and list latencies and the server's memory, all on the embedded database.
 */
export const contactsBenchmark = {
  name: 'contacts',
  description:
    'batch create through the API, search p95, list page p95, data-quality report, server RSS (embedded)',
  async run() {
    const peopleCount = option('people', 1_000_000);
    const organisationCount = option('organisations', Math.round(peopleCount / 10));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parterre-bench-contacts-'));
    const env = { DATABASE_URL: '' };
    await parterreCli(
      [
        'admin',
        'create',
        '--email',
        'bench@parterre.test',
        '--password',
        'bench-password-123',
        '--data',
        dataDir,
      ],
      env,
    );
    const token = await parterreCli(
      ['token', 'create', '--email', 'bench@parterre.test', '--data', dataDir],
      env,
    );
    const server = await startServer({ dataDir, databaseUrl: null });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const generator = createDemoGenerator(7);
    try {
      const batchSize = 1000;
      let created = 0;
      const started = performance.now();
      const samples: {
        firstName: string;
        lastName: string;
        email: string;
        phone: string;
        postalCode: string;
      }[] = [];
      for (let offset = 0; offset < peopleCount; offset += batchSize) {
        const items = Array.from({ length: Math.min(batchSize, peopleCount - offset) }, (_, i) =>
          generator.person(offset + i),
        );
        const response = await fetch(`${server.url}/api/v1/contacts:batch`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ items }),
        });
        if (!response.ok) throw new Error(`batch ${offset}: ${response.status} ${await response.text()}`);
        const body = (await response.json()) as { results: { status: string }[] };
        created += body.results.filter((r) => r.status === 'created').length;
        if (offset % 50_000 === 0) {
          const p = items[0];
          samples.push({
            firstName: p.firstName ?? '',
            lastName: p.lastName ?? '',
            email: p.emails?.[0]?.address ?? '',
            phone: p.phones?.[0]?.number ?? '',
            postalCode: p.addresses?.[0]?.postalCode ?? '',
          });
        }
      }
      const batchSeconds = (performance.now() - started) / 1000;

      const organisationStarted = performance.now();
      for (let i = 0; i < organisationCount; i++) {
        const response = await fetch(`${server.url}/api/v1/organisations`, {
          method: 'POST',
          headers,
          body: JSON.stringify(generator.organisation(i)),
        });
        if (!response.ok) throw new Error(`organisation ${i}: ${response.status} ${await response.text()}`);
      }
      const organisationSeconds = (performance.now() - organisationStarted) / 1000;

      const misspell = (name: string) => (name.length > 4 ? name.slice(0, 2) + name.slice(3) : `${name}e`);
      const queries = samples
        .flatMap((s) => [
          `${s.firstName} ${misspell(s.lastName)}`,
          `${s.lastName} ${s.firstName}`,
          s.email.slice(0, 8),
          s.phone,
          s.postalCode,
        ])
        .filter((q) => q.trim().length >= 2);
      const searchTimes: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const q of queries) {
          searchTimes.push(
            await timed(() =>
              fetch(`${server.url}/api/v1/search?q=${encodeURIComponent(q)}&limit=10`, { headers }),
            ),
          );
        }
      }
      const listTimes: number[] = [];
      for (const sort of ['lastName', '-createdAt', 'firstName', '-updatedAt']) {
        let cursor: string | null = null;
        for (let page = 0; page < 10; page++) {
          const url = `${server.url}/api/v1/contacts?limit=50&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const begin = performance.now();
          const response = await fetch(url, { headers });
          const body = (await response.json()) as { nextCursor: string | null };
          listTimes.push(performance.now() - begin);
          cursor = body.nextCursor;
        }
      }
      // The data-quality report is one pass over the whole base: a few runs, the first one cold.
      const reportTimes: number[] = [];
      for (let run = 0; run < 5; run++) {
        reportTimes.push(await timed(() => fetch(`${server.url}/api/v1/data-quality`, { headers })));
      }
      return {
        people: created,
        organisations: organisationCount,
        batchCreatePeoplePerSecond: Math.round(created / batchSeconds),
        organisationCreatesPerSecond: Math.round(organisationCount / organisationSeconds),
        search: {
          queries: searchTimes.length,
          p50Ms: Math.round(percentile(searchTimes, 50)),
          p95Ms: Math.round(percentile(searchTimes, 95)),
        },
        listPage: {
          pages: listTimes.length,
          p50Ms: Math.round(percentile(listTimes, 50)),
          p95Ms: Math.round(percentile(listTimes, 95)),
        },
        dataQualityReport: {
          runs: reportTimes.length,
          firstMs: Math.round(reportTimes[0]),
          p50Ms: Math.round(percentile(reportTimes, 50)),
          maxMs: Math.round(Math.max(...reportTimes)),
        },
        serverRssMb: rssMb(server.process.pid!),
      };
    } finally {
      await server.stop();
    }
  },
};
