import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestApp } from '../../../test/test-app.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const venueFixture = readFileSync(path.join(here, 'fixtures/french-venue-cp1252.csv'));

/** A multipart/form-data body with a `file` part and text fields. */
export function multipart(file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const boundary = `----parterre${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function count(t: TestApp, table: string): Promise<number> {
  const { rows } = await t.database.sql.executeSql(`SELECT count(*)::int AS n FROM ${table}`, []);
  return (rows[0] as { n: number }).n;
}

export async function tableCounts(t: TestApp) {
  return {
    orders: await count(t, 'orders'),
    lines: await count(t, 'ticket_lines'),
    people: await count(t, 'people'),
  };
}
