/** One line of the before → after table of an audit entry. */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One row per field when both sides are objects (or absent); otherwise one row for the whole value. */
export function diffRows(before: unknown, after: unknown, wholeLabel = '—'): DiffRow[] {
  const objects = (before === null || isRecord(before)) && (after === null || isRecord(after));
  if (!objects) {
    return [{ key: wholeLabel, before, after, changed: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return keys.map((key) => {
    const b = isRecord(before) ? before[key] : undefined;
    const a = isRecord(after) ? after[key] : undefined;
    return { key, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}
