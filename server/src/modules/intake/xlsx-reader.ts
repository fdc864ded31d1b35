import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { headerNames, isBlank, rowValues, type SourceRow } from './source-row.ts';

/**
 * Streams the rows of one sheet (the first by default; a name or a 1-based position otherwise).
 * The first non-blank row is the header. Cells become strings: see `cellText`.
 */
export async function* readXlsxRows(
  source: Readable,
  options: { sheet?: string | number; onHeaders?: (headers: string[]) => void } = {},
): AsyncGenerator<SourceRow> {
  // Styles are needed to tell a date cell from a number cell.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let position = 0;
  for await (const worksheet of reader) {
    position += 1;
    if (!isWanted(worksheet as unknown as { name?: string }, position, options.sheet)) {
      // The streaming reader must be drained sheet by sheet; skipping one unread breaks it now and then.
      for await (const _row of worksheet) {
      }
      continue;
    }
    let headers: string[] | undefined;
    for await (const row of worksheet) {
      const raw = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(raw, (value) => cellText(value));
      if (isBlank(cells)) continue;
      if (!headers) {
        headers = headerNames(cells);
        options.onHeaders?.(headers);
        continue;
      }
      yield { rowNumber: row.number, values: rowValues(headers, cells) };
    }
    if (!headers) throw new AppError('intake.empty_file');
    return;
  }
  throw new AppError('intake.sheet_not_found', { details: { sheet: options.sheet ?? 1 } });
}

function isWanted(worksheet: { name?: string }, position: number, sheet: string | number | undefined) {
  if (sheet === undefined) return true;
  if (typeof sheet === 'number') return position === sheet;
  return worksheet.name?.trim().toLowerCase() === sheet.trim().toLowerCase();
}

/**
 * Text of a cell as a CSV export would give it: dates as ISO (`2025-03-12`,
 * `2025-03-12T20:30:00` — wall-clock time, no offset — or `20:30:00` for a time alone),
 * numbers with a point and no exponent, rich text flattened, formulas by their result.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) {
      return cell.richText.map((run: { text?: string }) => run.text ?? '').join('');
    }
    if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if ('error' in cell) return '';
  }
  return String(value);
}

function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

// Excel dates carry no time zone; exceljs reads them as UTC, so the UTC fields are the wall clock.
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const rounded = new Date(Math.round(value.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const time = iso.slice(11, 19);
  // Serial numbers below 1 (time-only cells) land on 1899-12-30 or 1899-12-31.
  if (rounded.getUTCFullYear() < 1900) return time;
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}
