import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isValidEmail } from './email-validity.ts';

/** The repository root is the first ancestor whose package.json declares the workspaces. */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('repository root not found');
}

const root = repositoryRoot();
const csvPath = path.resolve(root, '../shared/conformance/email/isemail-tests.csv');
const policyPath = path.resolve(root, 'docs/guide/email-validity-policy.md');

/** Our decision for each isemail category; docs/guide/email-validity-policy.md explains why. */
const POLICY: Record<string, 'accept' | 'reject'> = {
  ISEMAIL_VALID_CATEGORY: 'accept',
  ISEMAIL_DNSWARN: 'accept',
  ISEMAIL_RFC5321: 'reject',
  ISEMAIL_CFWS: 'reject',
  ISEMAIL_DEPREC: 'reject',
  ISEMAIL_RFC5322: 'reject',
  ISEMAIL_ERR: 'reject',
};

/** Rows where our rules deliberately depart from their category's policy, keyed by row id. */
const EXCEPTIONS: Record<string, { expected: 'accept' | 'reject'; reason: string }> = {
  '5': { expected: 'reject', reason: 'test@io: a bare top-level domain is not a host we send mail to' },
  '13': { expected: 'reject', reason: 'test@iana.a: no top-level domain has a single letter' },
  '33': {
    expected: 'reject',
    reason: 'test@iana.co-uk: a hyphen in a TLD is only legal in IDN (xn--) labels',
  },
  '37': { expected: 'reject', reason: 'a@a.b.…v: ends in a single-letter top-level domain' },
};

type Row = { id: string; address: string; category: string; diagnosis: string };

/** The CSV stores control characters as Unicode control pictures (U+2400 + n, U+2421 for DEL). */
function restoreControlCharacters(text: string): string {
  return text.replace(/[\u2400-\u2421]/g, (picture) => {
    const code = picture.charCodeAt(0) - 0x2400;
    return String.fromCharCode(code === 0x21 ? 0x7f : code);
  });
}

const rows: Row[] = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true });

describe('isValidEmail against the isemail conformance set', () => {
  it('reads every row and knows every category', () => {
    expect(rows.length).toBeGreaterThanOrEqual(164);
    for (const row of rows) expect(Object.keys(POLICY), `row ${row.id}`).toContain(row.category);
  });

  it.each(rows.map((row) => [row.id, row] as const))('row %s follows the policy', (_id, row) => {
    const address = restoreControlCharacters(row.address);
    const expected = EXCEPTIONS[row.id]?.expected ?? POLICY[row.category];
    const message = `${row.id} ${JSON.stringify(address)} ${row.diagnosis}`;
    expect(isValidEmail(address) ? 'accept' : 'reject', message).toBe(expected);
  });

  it('lists only exceptions that still differ from their category', () => {
    for (const [id, exception] of Object.entries(EXCEPTIONS)) {
      const row = rows.find((candidate) => candidate.id === id);
      expect(row, `row ${id}`).toBeDefined();
      expect(POLICY[row!.category], exception.reason).not.toBe(exception.expected);
    }
  });

  it('matches the table published in the user guide', () => {
    const guide = readFileSync(policyPath, 'utf8');
    for (const [category, decision] of Object.entries(POLICY)) {
      const line = guide.split('\n').find((candidate) => candidate.startsWith(`| \`${category}\``));
      expect(line, category).toBeDefined();
      expect(line).toContain(decision === 'accept' ? 'Acceptée' : 'Refusée');
    }
    for (const id of Object.keys(EXCEPTIONS)) expect(guide).toContain(`n° ${id}`);
  });
});

describe('isValidEmail on everyday addresses', () => {
  it.each([
    'jean.dupont@example.fr',
    'Jean.Dupont@Example.FR',
    'jean+newsletter@example.fr',
    'billetterie@théâtre-du-rond-point.fr',
    'contact@xn--thtre-bsa.fr',
    "o'neil@example.ie",
    'a@b.co',
  ])('accepts %s', (address) => {
    expect(isValidEmail(address)).toBe(true);
  });

  it.each([
    '',
    'jean.dupont',
    'jean.dupont@',
    'jean.dupont@localhost',
    'jean dupont@example.fr',
    ' jean@example.fr',
    'hélène@example.fr',
    '"jean"@example.fr',
    'jean@[192.0.2.1]',
    'jean@example.fr (bureau)',
    'jean@example..fr',
    'jean@ex_ample.fr',
    'jean@example.123',
    'Jean Dupont <jean@example.fr>',
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.fr`,
  ])('rejects %j', (address) => {
    expect(isValidEmail(address)).toBe(false);
  });
});
