/** One data row of an imported file, keyed by header text. */
export type SourceRow = {
  /** Spreadsheet row number: the header is row 1, blank lines count, a multi-line cell is one row. */
  rowNumber: number;
  values: Record<string, string>;
};

/**
 * Trimmed header names, made unique: a blank header becomes « Colonne 3 » and a repeated one
 * « Nom (2) », so that every cell stays addressable by name.
 */
export function headerNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.replace(/^\uFEFF/, '').trim() || `Colonne ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Cells by header; missing trailing cells read as empty, cells beyond the header are dropped. */
export function rowValues(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  headers.forEach((header, index) => {
    values[header] = cells[index] ?? '';
  });
  return values;
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
