import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { repoRoot } from '../e2e/support/server.ts';

export const run = promisify(execFile);

export async function parterreCli(args: string[], env: Record<string, string> = {}) {
  const { stdout } = await run('node', ['server/bin/parterre.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

export type Load = {
  requestsPerSecond: number;
  p50Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
};

/** A fixed-duration load from this process over loopback. */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  seconds = 8,
  connections = 10,
): Promise<Load> {
  const result = await autocannon({ url, headers, duration: seconds, connections });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p97_5Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function startBareServer(port: number) {
  const child = spawn('node', ['--import', 'tsx', 'bench/bare-server.ts', String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return child;
}
