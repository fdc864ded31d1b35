// Builds the back office when web/dist is missing or older than its sources, so that
// `npm start` right after `npm install` serves the current interface without a separate step.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(web, 'src'), path.join(root, 'contract', 'src')];
const configFiles = ['index.html', 'vite.config.ts', 'package.json']
  .map((f) => path.join(web, f))
  .filter(existsSync);
const sourceTime = Math.max(
  ...sources.filter(existsSync).map(newestMtime),
  ...configFiles.map((f) => statSync(f).mtimeMs),
);

if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourceTime) process.exit(0);
console.log('Construction du back-office (web/dist)…');
execFileSync('npm', ['run', 'build', '-w', '@parterre/web'], { cwd: root, stdio: 'inherit' });
