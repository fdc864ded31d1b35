// Fails when the Drizzle schema has changes that no committed migration carries.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'parterre-migrations-'));
const out = path.join(scratch, 'migrations');
cpSync(path.join(root, 'server/src/db/migrations'), out, { recursive: true });
const config = path.join(scratch, 'drizzle.config.mjs');
writeFileSync(
  config,
  `export default ${JSON.stringify({
    dialect: 'postgresql',
    schema: path.join(root, 'server/src/**/*.tables.ts'),
    out,
    migrations: { prefix: 'timestamp' },
  })};\n`,
);
const before = readdirSync(out).length;
execFileSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
  cwd: root,
  stdio: 'pipe',
});
const after = readdirSync(out).length;
rmSync(scratch, { recursive: true, force: true });
if (after !== before) {
  console.error('The schema (*.tables.ts) has changes without a migration: run `npm run db:generate`.');
  process.exit(1);
}
console.log('Migrations match the schema.');
