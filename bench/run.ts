// `npm run bench [-- name…]`: runs the named benchmarks (all by default) and prints their figures.
import { consentBenchmark } from './consent.bench.ts';
import { contactsBenchmark } from './contacts.bench.ts';
import { intakeBenchmark } from './intake.bench.ts';
import { platformBenchmark } from './platform.bench.ts';
import { segmentsBenchmark } from './segments.bench.ts';

type Benchmark = { name: string; description: string; run(): Promise<Record<string, unknown>> };

const benchmarks: Benchmark[] = [
  platformBenchmark,
  contactsBenchmark,
  intakeBenchmark,
  segmentsBenchmark,
  consentBenchmark,
];

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = requested.length ? benchmarks.filter((b) => requested.includes(b.name)) : benchmarks;
if (selected.length === 0) {
  console.error(`Unknown benchmark. Available: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const benchmark of selected) {
  console.log(`\n== ${benchmark.name}: ${benchmark.description}`);
  const figures = await benchmark.run();
  console.log(JSON.stringify(figures, null, 2));
}
process.exit(0);
