import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectDelimiter, detectFormat, previewRows, readRows, type SourceRow } from './file-reader.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => path.join(fixtures, name);

async function collect(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const all: SourceRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sales = book.addWorksheet('Ventes');
  sales.addRow(['  Nom ', 'Date', 'Heure', 'Prix', 'Note', 'Total']);
  sales.addRow([
    'Lefèvre',
    new Date(Date.UTC(2025, 2, 12, 20, 30)),
    new Date(Date.UTC(1899, 11, 30, 20, 30)),
    12.5,
    { richText: [{ text: 'Cœur ' }, { font: { bold: true }, text: 'battant' }] },
    { formula: 'D2*2', result: 25 },
  ]);
  sales.addRow([]);
  sales.addRow(['Noël', new Date(Date.UTC(2025, 11, 20)), null, 1234567890123, 'ok', null]);
  sales.getCell('B2').numFmt = 'dd/mm/yyyy hh:mm';
  sales.getCell('C2').numFmt = 'hh:mm';
  sales.getCell('B4').numFmt = 'dd/mm/yyyy';
  book.addWorksheet('Abonnés').addRows([['Nom'], ['Bœuf']]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('detectFormat', () => {
  it('recognises a Windows-1252 semicolon export by its C1 bytes (œ, —)', () => {
    expect(detectFormat(readFileSync(fixture('french-venue-cp1252.csv')))).toEqual({
      kind: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      hasBom: false,
    });
  });

  it('recognises UTF-8 with a BOM and commas, quoted commas notwithstanding', () => {
    expect(detectFormat(readFileSync(fixture('utf8-bom-comma.csv')))).toEqual({
      kind: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      hasBom: true,
    });
  });

  it('recognises ISO-8859-1 with tabs', () => {
    expect(detectFormat(readFileSync(fixture('latin1-tab.tsv')))).toEqual({
      kind: 'csv',
      encoding: 'iso-8859-1',
      delimiter: '\t',
      hasBom: false,
    });
  });

  it('recognises UTF-8 without BOM, UTF-16LE with and without BOM, pipes and XLSX', async () => {
    const text = 'Nom|Prénom\nNoël|Zoé\n';
    expect(detectFormat(Buffer.from(text))).toMatchObject({
      encoding: 'utf-8',
      delimiter: '|',
      hasBom: false,
    });
    expect(detectFormat(iconv.encode(`\uFEFF${text}`, 'utf-16le'))).toMatchObject({
      encoding: 'utf-16le',
      hasBom: true,
    });
    expect(detectFormat(iconv.encode(text, 'utf-16le'))).toMatchObject({
      encoding: 'utf-16le',
      hasBom: false,
    });
    expect(detectFormat(await workbook())).toMatchObject({ kind: 'xlsx' });
  });

  it('forgives a UTF-8 character cut by the end of the sample', () => {
    const sample = Buffer.from('Nom;Prénom\nNoël;É');
    expect(detectFormat(sample.subarray(0, sample.length - 1)).encoding).toBe('utf-8');
  });

  it('prefers the separator that is steady across records over decimal commas', () => {
    expect(detectDelimiter('Nom;Prix;Quantité\nA;12,50;1\nB;8;2\n"C;D";1,5;3\n')).toBe(';');
    expect(detectDelimiter('Nom,Ville\n"Doe, John","City1, CA"\n')).toBe(',');
    expect(detectDelimiter('single column\nvalue\n')).toBe(',');
  });
});

describe('readRows on CSV', () => {
  it('decodes Windows-1252 accents, œ and dashes exactly, and keeps quoted line breaks', async () => {
    const rows = await collect(readRows({ path: fixture('french-venue-cp1252.csv') }));
    expect(rows).toHaveLength(29);
    const boeuf = rows.find((row) => row.values['Numero billet'] === 'B1004')!;
    expect(boeuf.values).toMatchObject({
      Nom: 'Bœuf',
      Prenom: 'Anaïs',
      Adresse: '12 rue de la Paix\nBâtiment B, 2e étage',
      Spectacle: 'Le Misanthrope',
      Representation: 'Le Misanthrope — 13 mars (matinée)',
      Prix: '18,00',
    });
    const row = (ticket: string) => rows.find((r) => r.values['Numero billet'] === ticket)!;
    expect(row('B1006').values).toMatchObject({
      Nom: 'Noël',
      Prenom: 'Joël',
      Adresse: '7 allée des Œillets',
    });
    expect(row('B1006').values.Spectacle).toBe('Cœur battant — concert');
    expect(row('B1002').values).toMatchObject({
      Nom: 'Lefèvre',
      Prenom: 'Hélène',
      Adresse: "3 place de l'Église",
    });
    expect(row('B1011').values).toMatchObject({ Nom: 'Çelik', Prenom: 'Maëlle', Prix: '1 250,00' });
    expect(row('B1003').values.Nom).toBe('Garçon');
  });

  it('numbers rows as a spreadsheet does: a multi-line cell is one row', async () => {
    const rows = await collect(readRows({ path: fixture('french-venue-cp1252.csv') }));
    expect(rows[0].rowNumber).toBe(2);
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 29 }, (_, i) => i + 2));
  });

  it('strips the BOM from the first header and trims values', async () => {
    const rows = await collect(readRows({ buffer: readFileSync(fixture('utf8-bom-comma.csv')) }));
    expect(Object.keys(rows[0].values)[0]).toBe('Nom complet');
    expect(rows[2].values).toMatchObject({
      'Nom complet': 'Lefèvre, Hélène',
      Civilité: 'Mme',
      Montant: '€8.00',
    });
    expect(rows[3].values['E-mail']).toBe('chloe@example.fr');
  });

  it('reads ISO-8859-1 tab-separated text', async () => {
    const rows = await collect(readRows({ path: fixture('latin1-tab.tsv') }));
    expect(rows.map((r) => r.values)).toEqual([
      { Nom: 'Françoise', Prénom: 'Anaïs', Ville: 'Besançon', Montant: '12.50', Date: '2025-03-12' },
      { Nom: 'Noël', Prénom: 'Jérôme', Ville: 'Orléans', Montant: '8', Date: '2025-07-14' },
      { Nom: 'Ça', Prénom: 'Élodie', Ville: 'Saint-Étienne', Montant: '0,5', Date: '2025-12-31' },
    ]);
  });

  it('fills short rows, names blank and repeated headers, skips blank lines but counts them', async () => {
    const csv = 'Nom;;Nom\r\nA;b\r\n\r\n;;\r\nC;d;e;extra\r\n';
    const rows = await collect(readRows({ buffer: Buffer.from(csv) }));
    expect(rows).toEqual([
      { rowNumber: 2, values: { Nom: 'A', 'Colonne 2': 'b', 'Nom (2)': '' } },
      { rowNumber: 5, values: { Nom: 'C', 'Colonne 2': 'd', 'Nom (2)': 'e' } },
    ]);
  });

  it('honours explicit encoding and delimiter, and refuses unknown encodings', async () => {
    const buffer = iconv.encode('a,b;c\nx,y;z\n', 'utf-8');
    const rows = await collect(readRows({ buffer }, { delimiter: ',', encoding: 'latin1' }));
    expect(rows[0].values).toEqual({ a: 'x', 'b;c': 'y;z' });
    await expect(collect(readRows({ buffer }, { encoding: 'klingon' }))).rejects.toMatchObject({
      code: 'intake.unknown_encoding',
    });
  });

  it('finds the encoding of a long export whose first accent comes late', async () => {
    const ascii = `Nom;Ville\r\n${'Martin;Paris\r\n'.repeat(10_000)}`;
    const buffer = Buffer.concat([Buffer.from(ascii), iconv.encode('Bœuf;Besançon\r\n', 'windows-1252')]);
    const file = path.join(os.tmpdir(), `intake-late-${process.pid}.csv`);
    writeFileSync(file, buffer);
    const fromDisk = await collect(readRows({ path: file }));
    await rm(file);
    const fromMemory = await collect(readRows({ buffer }));
    expect(fromDisk.at(-1)?.values).toEqual({ Nom: 'Bœuf', Ville: 'Besançon' });
    expect(fromMemory.at(-1)?.values).toEqual({ Nom: 'Bœuf', Ville: 'Besançon' });
  });

  it('refuses an Excel 97-2003 workbook with a hint', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(collect(readRows({ buffer: xls }))).rejects.toMatchObject({
      code: 'intake.unreadable_file',
      details: { reason: expect.stringContaining('.xls') },
    });
  });

  it('refuses a file without header', async () => {
    await expect(collect(readRows({ buffer: Buffer.from('\n\n') }))).rejects.toMatchObject({
      code: 'intake.empty_file',
    });
  });

  it('previews the first rows with format and headers', async () => {
    const preview = await previewRows({ path: fixture('french-venue-cp1252.csv') }, 3);
    expect(preview.format).toMatchObject({ kind: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(preview.headers).toHaveLength(23);
    expect(preview.headers.at(-1)).toBe('Sexe');
    expect(preview.rows.map((r) => r.values['Numero billet'])).toEqual(['B1001', 'B1002', 'B1003']);
  });
});

describe('readRows on XLSX', () => {
  it('reads the first sheet with dates as ISO, numbers with points, rich text and formula results', async () => {
    const rows = await collect(readRows({ buffer: await workbook() }));
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: {
          Nom: 'Lefèvre',
          Date: '2025-03-12T20:30:00',
          Heure: '20:30:00',
          Prix: '12.5',
          Note: 'Cœur battant',
          Total: '25',
        },
      },
      {
        rowNumber: 4,
        values: { Nom: 'Noël', Date: '2025-12-20', Heure: '', Prix: '1234567890123', Note: 'ok', Total: '' },
      },
    ]);
  });

  it('chooses a sheet by name or position, and says when it is missing', async () => {
    const buffer = await workbook();
    expect((await collect(readRows({ buffer }, { sheet: 'abonnés' })))[0].values).toEqual({ Nom: 'Bœuf' });
    expect((await collect(readRows({ buffer }, { sheet: 2 })))[0].values).toEqual({ Nom: 'Bœuf' });
    await expect(collect(readRows({ buffer }, { sheet: 'Dons' }))).rejects.toMatchObject({
      code: 'intake.sheet_not_found',
    });
  });

  it('previews a workbook read from disk', async () => {
    const file = path.join(os.tmpdir(), `intake-preview-${process.pid}.xlsx`);
    writeFileSync(file, await workbook());
    const preview = await previewRows({ path: file }, 1);
    await rm(file);
    expect(preview.headers).toEqual(['Nom', 'Date', 'Heure', 'Prix', 'Note', 'Total']);
    expect(preview.rows).toHaveLength(1);
  });
});

describe('readRows on a large file', () => {
  const big = path.join(os.tmpdir(), `intake-big-${process.pid}.csv`);
  afterAll(() => rm(big, { force: true }));

  it('streams 200,000 Windows-1252 rows in flat memory', async () => {
    const out = createWriteStream(big);
    out.write(iconv.encode('Numero;Nom;Prénom;Email;Adresse;Prix;Date\r\n', 'windows-1252'));
    for (let chunk = 0; chunk < 200; chunk++) {
      let text = '';
      for (let i = 0; i < 1000; i++) {
        const n = chunk * 1000 + i;
        text += `B${n};Bœuf-${n};Hélène;h${n}@example.fr;"${n} rue de l'Église\nBâtiment ${n % 7}";${n % 90},50;12/03/2025\r\n`;
      }
      if (!out.write(iconv.encode(text, 'windows-1252')))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));

    const start = process.memoryUsage().heapUsed;
    let peak = start;
    let count = 0;
    let last: SourceRow | undefined;
    for await (const row of readRows({ path: big })) {
      count += 1;
      last = row;
      if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(200_000);
    expect(last?.values).toMatchObject({
      Numero: 'B199999',
      Nom: 'Bœuf-199999',
      Adresse: "199999 rue de l'Église\nBâtiment 2",
    });
    expect(peak - start).toBeLessThan(150 * 1024 * 1024);
  });
});
