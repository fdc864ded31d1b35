import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The browser suite runs against the built back office. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync('node', ['scripts/ensure-web-build.mjs'], { cwd: root, stdio: 'inherit' });
}
