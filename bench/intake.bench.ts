import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import iconv from 'iconv-lite';
import { repoRoot } from '../e2e/support/server.ts';
import { createDemoGenerator } from '../server/src/modules/contacts/demo-data.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const HEADER =
  'Numero billet;Reservation;Date reservation;Heure reservation;Cle spectacle;Spectacle;Cle representation;Representation;Date representation;Heure representation;Date fin representation;Heure fin representation;Prix;Type de produit;Filiere de vente;Nom;Prenom;Email;Adresse;Code postal;Pays;Age;Sexe';
const SHOWS = [
  'Le Misanthrope',
  'Cœur battant',
  "Noël à l'Opéra",
  'Les Bonnes',
  'Carmen',
  'Roméo et Juliette',
  'Pelléas et Mélisande',
  'Le Cid',
];
const CHANNELS = ['Guichet', 'Internet', 'Téléphone', 'Revendeur FNAC'];
const PRICES = ['12,50', '18,00', '25,00', '32,00', '8,00'];

/** A French box-office export (Windows-1252, `;`): one row per ticket, the order repeated. */
async function writeExport(file: string, rows: number, buyers: number): Promise<void> {
  const generator = createDemoGenerator(11);
  const people = Array.from({ length: buyers }, (_, i) => generator.person(i));
  const out = createWriteStream(file);
  const write = (line: string) => {
    if (!out.write(iconv.encode(`${line}\r\n`, 'win1252'))) {
      return new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  };
  await write(HEADER);
  let ticket = 0;
  for (let order = 0; ticket < rows; order++) {
    const buyer = people[(order * 7919) % buyers];
    const show = order % SHOWS.length;
    const performance = (order * 31) % 40;
    const day = String(1 + (performance % 28)).padStart(2, '0');
    const address = buyer.addresses?.[0];
    const seats = 1 + (order % 4);
    for (let s = 0; s < seats && ticket < rows; s++, ticket++) {
      await write(
        [
          `T${ticket}`,
          `R${order}`,
          `${String(1 + (order % 28)).padStart(2, '0')}/01/2025`,
          '14:05',
          `S${show}`,
          SHOWS[show],
          `P${performance}`,
          `${SHOWS[show]} — ${day}/03`,
          `${day}/03/2025`,
          '20:30',
          `${day}/03/2025`,
          '22:30',
          PRICES[(order + s) % PRICES.length],
          'Billet',
          CHANNELS[order % CHANNELS.length],
          buyer.lastName,
          buyer.firstName,
          buyer.emails?.[0]?.address ?? '',
          address?.line1 ?? '',
          address?.postalCode ?? '',
          'France',
          '',
          '',
        ].join(';'),
      );
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/** Peak resident memory of a process, read from /proc while it runs. */
function watchPeakRss(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb);
    } catch {}
  }, 200);
  return () => {
    clearInterval(timer);
    return Math.round(peak / 1024);
  };
}

/**
 * Issue "Ticketing integration": import of N ticket-line rows with `--dedupe review` through
 * `parterre import`, against a raw PostgreSQL COPY of the same file into PGlite (the physical limit).
 */
export const intakeBenchmark = {
  name: 'intake',
  description: 'file import through `parterre import` vs a raw COPY of the same rows (embedded)',
  async run() {
    const rows = option('rows', 1_000_000);
    const buyers = option('buyers', Math.round(rows * 0.3));
    const dir = mkdtempSync(path.join(tmpdir(), 'parterre-bench-intake-'));
    const file = path.join(dir, 'billets.csv');
    await writeExport(file, rows, buyers);

    const copyDb = await PGlite.create();
    await copyDb.exec(
      `CREATE TABLE raw (${HEADER.split(';')
        .map((_, i) => `c${i} text`)
        .join(', ')})`,
    );
    const copyStarted = performance.now();
    await copyDb.query(
      `COPY raw FROM '/dev/blob' WITH (FORMAT csv, HEADER true, DELIMITER ';', ENCODING 'WIN1252')`,
      [],
      {
        blob: new Blob([readFileSync(file)]),
      },
    );
    const copySeconds = (performance.now() - copyStarted) / 1000;
    await copyDb.close();

    const started = performance.now();
    const child = spawn(
      'node',
      [
        'server/bin/parterre.js',
        'import',
        file,
        '--preset',
        'french-venue',
        '--dedupe',
        'review',
        '--data',
        path.join(dir, 'data'),
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const peakRss = watchPeakRss(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    const importSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`parterre import exited with ${code}: ${output}`);
    return {
      rows,
      distinctBuyers: buyers,
      fileMb: Math.round(statSync(file).size / 1e6),
      summary: JSON.parse(output),
      importRowsPerSecond: Math.round(rows / importSeconds),
      importSecondsIncludingStart: Math.round(importSeconds),
      importPeakRssMb: peakRss(),
      rawCopyRowsPerSecond: Math.round(rows / copySeconds),
      importVsCopyRatio: Number((copySeconds / importSeconds).toFixed(3)),
    };
  },
};
