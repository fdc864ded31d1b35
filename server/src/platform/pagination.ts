import { AppError } from './errors.ts';

/** Opaque to clients: base64url of the sort key of the last row returned. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key)) throw new Error('not an array');
    return key;
  } catch {
    throw new AppError('common.bad_cursor');
  }
}

/** Fetch `limit + 1` rows, then call this: the extra row only tells whether a next page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]) {
  const data = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(data[data.length - 1])) : null;
  return { data, nextCursor };
}
