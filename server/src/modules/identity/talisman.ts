import { createRequire } from 'node:module';

// talisman ships CommonJS without type declarations: the few functions used here, typed.
const require = createRequire(import.meta.url);

export const jaroWinkler = require('talisman/metrics/jaro-winkler') as (a: string, b: string) => number;

export const damerauLevenshtein = require('talisman/metrics/damerau-levenshtein') as {
  /** The distance, or Infinity as soon as it exceeds `max`. */
  limited: (max: number, a: string, b: string) => number;
};

/** French phonetic encoders, compared in bench/identity. */
export type PhoneticAlgorithm = 'phonetic' | 'fonem' | 'sonnex' | 'phonex' | 'soundex2';

export function phoneticEncoder(algorithm: PhoneticAlgorithm): (word: string) => string {
  const encode = require(`talisman/phonetics/french/${algorithm}`) as (word: string) => unknown;
  return (word) => String(encode(word));
}
