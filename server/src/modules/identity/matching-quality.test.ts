import { describe, expect, it } from 'vitest';
import { evaluateMatching } from '../../../../bench/identity/evaluation.ts';
import { generateDataset } from '../../../../bench/identity/generate-dataset.ts';

// The benchmark's generated French base (bench/identity), small and seeded: deterministic.
const dataset = generateDataset({ people: 5000, seed: 42 });

describe('matching quality on a generated base of 5,000 people', () => {
  it.each([
    ['with', false],
    ['without', true],
  ])('reaches precision 0.97 and recall 0.95 %s emails and phones', (_label, noContact) => {
    const summary = evaluateMatching(dataset, { noContact });
    expect(summary.truePairs).toBeGreaterThan(500);
    expect(summary.precision).toBeGreaterThanOrEqual(0.97);
    expect(summary.recall).toBeGreaterThanOrEqual(0.95);
    expect(summary.blockingRecall).toBeGreaterThanOrEqual(0.98);
    expect(summary.candidatePairsPerRecord).toBeLessThan(2);
  });
});
