import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock.ts';
import { adminCreateCommand } from './admin.ts';
import { tokenCreateCommand } from './token.ts';

/** Runs a command in this process and captures what it writes. */
async function run(command: typeof adminCreateCommand, values: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  try {
    const code = await command.run(values, []);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('parterre admin create / token create', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('creates an administrator once, then a token whose secret alone goes to stdout', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'parterre-cli-'));
    delete process.env.DATABASE_URL;
    process.env.LOG_LEVEL = 'silent';

    const created = await run(adminCreateCommand, {
      email: 'Regie@Theatre.fr',
      password: 'une phrase solide',
      data,
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Administrateur créé : regie@theatre.fr');

    const again = await run(adminCreateCommand, {
      email: 'regie@theatre.fr',
      password: 'une phrase solide',
      data,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('existe déjà');

    const token = await run(tokenCreateCommand, {
      email: 'regie@theatre.fr',
      scopes: 'admin.users, admin.audit',
      data,
    });
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^prt_[A-Za-z0-9_-]{43}\n$/);

    const unknown = await run(tokenCreateCommand, { email: 'personne@theatre.fr', data });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Aucun utilisateur');
  });

  it('refuses a data directory held by a running server', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'parterre-cli-'));
    delete process.env.DATABASE_URL;
    writeFileSync(
      path.join(data, 'parterre.lock'),
      JSON.stringify({
        pid: process.ppid,
        command: 'serve',
        port: 3000,
        startedAt: new Date().toISOString(),
      }),
    );
    await expect(run(tokenCreateCommand, { email: 'regie@theatre.fr', data })).rejects.toBeInstanceOf(
      EmbeddedDatabaseBusyError,
    );
  });
});
