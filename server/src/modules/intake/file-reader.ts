import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/errors.ts';
import { headerNames, isBlank, rowValues, type SourceRow } from './source-row.ts';
import { readXlsxRows } from './xlsx-reader.ts';

export type { SourceRow } from './source-row.ts';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'utf-16le';
export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type FileFormat = {
  kind: 'csv' | 'xlsx';
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  hasBom: boolean;
};
export type FileInput = { path: string } | { buffer: Buffer };
export type ReadOptions = {
  /** Overrides detection: any encoding iconv-lite knows. */
  encoding?: string;
  /** Overrides detection. */
  delimiter?: string;
  /** XLSX: sheet name or 1-based position; the first sheet by default. */
  sheet?: string | number;
  /** Helps tell XLSX from CSV when the content is ambiguous. */
  fileName?: string;
  /** Called with the header names before the first row is yielded (also when there is none). */
  onHeaders?: (headers: string[]) => void;
};
export type ResolvedFormat = Omit<FileFormat, 'encoding' | 'delimiter'> & {
  encoding: string;
  delimiter: string;
};

const SAMPLE_BYTES = 64 * 1024;
/** How far a plain-ASCII file is scanned for its first accented line. */
const SCAN_BYTES = 16 * 1024 * 1024;
const DELIMITERS: CsvDelimiter[] = [';', ',', '\t', '|'];

/** Sniffs the kind, encoding and separator of a file from its first bytes (64 KB are plenty). */
export function detectFormat(sample: Buffer, fileName?: string): FileFormat {
  const zip = sample.length >= 4 && sample.readUInt32LE(0) === 0x04034b50;
  if (zip || /\.xls[xm]$/i.test(fileName ?? '')) {
    return { kind: 'xlsx', encoding: 'utf-8', delimiter: ',', hasBom: false };
  }
  const { encoding, hasBom } = detectEncoding(sample);
  return { kind: 'csv', encoding, delimiter: detectDelimiter(iconv.decode(sample, encoding)), hasBom };
}

function detectEncoding(sample: Buffer): { encoding: CsvEncoding; hasBom: boolean } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', hasBom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', hasBom: true };
  if (looksUtf16le(sample)) return { encoding: 'utf-16le', hasBom: false };
  if (isUtf8(sample)) return { encoding: 'utf-8', hasBom: false };
  // C1 controls never appear in Latin-1 text, while cp1252 puts €, œ, ’, « » there: Excel wrote it.
  if (sample.some((byte) => byte >= 0x80 && byte <= 0x9f)) return { encoding: 'windows-1252', hasBom: false };
  const guess = chardet.analyse(sample).find((match) => /^(ISO-8859-1|windows-1252)$/i.test(match.name));
  return { encoding: guess?.name === 'ISO-8859-1' ? 'iso-8859-1' : 'windows-1252', hasBom: false };
}

/** ASCII-heavy text in UTF-16LE without BOM: a zero in most odd bytes and almost no even one. */
function looksUtf16le(sample: Buffer): boolean {
  const pairs = Math.min(sample.length, 4096) >> 1;
  if (pairs < 2) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZeros++;
    if (sample[2 * i + 1] === 0) oddZeros++;
  }
  return oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05;
}

/** Valid UTF-8, forgiving a multi-byte sequence cut by the end of the sample. */
function isUtf8(sample: Buffer): boolean {
  let end = sample.length;
  for (let back = 1; back <= Math.min(4, sample.length); back++) {
    const byte = sample[sample.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (length > back) end = sample.length - back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * The separator whose count outside quotes is non-zero in the header and the same on most of
 * the first records; decimal commas in `;` files vary from row to row and lose.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const records = countOutsideQuotes(text.replace(/^\uFEFF/, ''), 50);
  let best: { delimiter: CsvDelimiter; agreement: number; count: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const count = records[0]?.[delimiter] ?? 0;
    if (count === 0) continue;
    const agreement = records.filter((record) => record[delimiter] === count).length / records.length;
    if (!best || agreement > best.agreement || (agreement === best.agreement && count > best.count)) {
      best = { delimiter, agreement, count };
    }
  }
  return best?.delimiter ?? ',';
}

function countOutsideQuotes(text: string, maxRecords: number): Record<string, number>[] {
  const records: Record<string, number>[] = [];
  let current: Record<string, number> = {};
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (!blank) records.push(current);
      current = {};
      blank = true;
      continue;
    } else if (!inQuotes && (DELIMITERS as string[]).includes(char)) {
      current[char] = (current[char] ?? 0) + 1;
    }
    if (char.trim() !== '') blank = false;
  }
  // The last record may be cut by the end of the sample: use it only when it is the only one.
  if (records.length === 0 && !blank) records.push(current);
  return records;
}

/**
 * The first 64 KB and, when they are plain ASCII, the first later line that is not: the encoding
 * only shows in accented text, which a long export may reach late.
 */
async function readSamples(input: FileInput): Promise<{ head: Buffer; later?: Buffer }> {
  if ('buffer' in input) {
    const head = input.buffer.subarray(0, SAMPLE_BYTES);
    if (!isAscii(head)) return { head };
    return { head, later: fromFirstHighByte(input.buffer.subarray(SAMPLE_BYTES, SCAN_BYTES)) };
  }
  const handle = await open(input.path, 'r');
  const readAt = async (position: number) => {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, position);
    return buffer.subarray(0, bytesRead);
  };
  try {
    const head = await readAt(0);
    if (head.length < SAMPLE_BYTES || !isAscii(head)) return { head };
    for (let position = SAMPLE_BYTES; position < SCAN_BYTES; position += SAMPLE_BYTES) {
      const block = await readAt(position);
      if (block.length === 0) break;
      const later = fromFirstHighByte(block);
      if (later) return { head, later };
    }
    return { head };
  } finally {
    await handle.close();
  }
}

function isAscii(buffer: Buffer): boolean {
  return !buffer.some((byte) => byte >= 0x80);
}

function fromFirstHighByte(block: Buffer): Buffer | undefined {
  const index = block.findIndex((byte) => byte >= 0x80);
  return index < 0 ? undefined : block.subarray(block.lastIndexOf(0x0a, index) + 1);
}

/** The detected format with the caller's overrides applied and checked. */
export async function resolveFormat(input: FileInput, options: ReadOptions = {}): Promise<ResolvedFormat> {
  const fileName = options.fileName ?? ('path' in input ? input.path : undefined);
  const { head, later } = await readSamples(input);
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    const reason = 'classeur Excel 97-2003 (.xls) : enregistrez-le au format .xlsx ou CSV';
    throw new AppError('intake.unreadable_file', { details: { reason } });
  }
  const detected = detectFormat(head, fileName);
  if (later && detected.kind === 'csv' && detected.encoding === 'utf-8')
    detected.encoding = detectEncoding(later).encoding;
  const encoding = options.encoding?.trim().toLowerCase() || detected.encoding;
  if (!iconv.encodingExists(encoding))
    throw new AppError('intake.unknown_encoding', { details: { encoding } });
  return { ...detected, encoding, delimiter: options.delimiter || detected.delimiter };
}

function openStream(input: FileInput): Readable {
  return 'buffer' in input ? Readable.from([input.buffer]) : createReadStream(input.path);
}

/**
 * Streams the data rows of a CSV or XLSX file, keyed by the header's names, without holding the
 * file in memory: multi-gigabyte exports read in flat memory.
 */
export async function* readRows(input: FileInput, options: ReadOptions = {}): AsyncGenerator<SourceRow> {
  const format = await resolveFormat(input, options);
  const source = openStream(input);
  try {
    if (format.kind === 'xlsx') yield* readXlsxRows(source, options);
    else yield* readCsvRows(source, format, options);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('intake.unreadable_file', { details: { reason } });
  } finally {
    source.destroy();
  }
}

async function* readCsvRows(
  source: Readable,
  format: ResolvedFormat,
  options: ReadOptions,
): AsyncGenerator<SourceRow> {
  const parser = parse({
    delimiter: format.delimiter,
    bom: true,
    trim: true,
    relax_column_count: true,
    relax_quotes: true,
    // Blank lines are skipped below, after counting them, so that row numbers match a spreadsheet.
    skip_empty_lines: false,
  });
  // Errors of any stage end the parser, hence the loop below; a consumer stopping early is no error.
  pipeline(source, iconv.decodeStream(format.encoding), parser, () => {});
  let headers: string[] | undefined;
  let rowNumber = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    rowNumber += 1;
    if (isBlank(cells)) continue;
    if (!headers) {
      headers = headerNames(cells);
      options.onHeaders?.(headers);
      continue;
    }
    yield { rowNumber, values: rowValues(headers, cells) };
  }
  if (!headers) throw new AppError('intake.empty_file');
}

/** The first `count` rows with the format and headers, for the mapping assistant. */
export async function previewRows(
  input: FileInput,
  count = 20,
  options: Omit<ReadOptions, 'onHeaders'> = {},
): Promise<{ format: ResolvedFormat; headers: string[]; rows: SourceRow[] }> {
  const format = await resolveFormat(input, options);
  let headers: string[] = [];
  const rows: SourceRow[] = [];
  const reading = readRows(input, {
    ...options,
    encoding: format.encoding,
    delimiter: format.delimiter,
    onHeaders: (names) => {
      headers = names;
    },
  });
  if (count > 0) {
    for await (const row of reading) {
      rows.push(row);
      if (rows.length >= count) break;
    }
  } else {
    for await (const _ of reading) break;
  }
  return { format, headers, rows };
}
