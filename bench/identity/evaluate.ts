/**
 * Precision/recall benchmark of identity matching on a generated French base.
 *
 *   node --import tsx bench/identity/evaluate.ts --people 100000 [--no-contact] [--seed 42]
 *     [--max-block 200] [--phonetic fonem] [--examples 5]
 *
 * Prints one JSON summary on stdout.
 */
import { parseArgs } from 'node:util';
import { matchingRuleSetSchema } from '@parterre/contract/identity';
import { defaultMatchingRules } from '../../server/src/modules/identity/matching-rules.ts';
import type { PhoneticAlgorithm } from '../../server/src/modules/identity/talisman.ts';
import { evaluateMatching } from './evaluation.ts';
import { generateDataset } from './generate-dataset.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    'no-contact': { type: 'boolean', default: false },
    'max-block': { type: 'string' },
    phonetic: { type: 'string' },
    examples: { type: 'string', default: '0' },
    'no-frequencies': { type: 'boolean', default: false },
    review: { type: 'string' },
  },
});

let started = performance.now();
const dataset = generateDataset({ people: Number(values.people), seed: Number(values.seed) });
const generationMs = Math.round(performance.now() - started);
started = performance.now();
const summary = evaluateMatching(dataset, {
  ...(values.review
    ? {
        rules: matchingRuleSetSchema.parse({
          ...defaultMatchingRules,
          reviewThreshold: Number(values.review),
        }),
      }
    : {}),
  noContact: values['no-contact'],
  ...(values['max-block'] ? { maxBlockSize: Number(values['max-block']) } : {}),
  ...(values.phonetic ? { phonetic: values.phonetic as PhoneticAlgorithm } : {}),
  examples: Number(values.examples),
  termFrequencies: !values['no-frequencies'],
});
const evaluationMs = Math.round(performance.now() - started);
console.log(
  JSON.stringify({ ...summary, timings: { ...summary.timings, generationMs, evaluationMs } }, null, 2),
);
