import type { Comparison } from './compare-fields.ts';
import type { PreparedName, PreparedRecord } from './match-record.ts';
import { damerauLevenshtein, jaroWinkler } from './talisman.ts';

/** How two names compare, from no information to identical. */
export const NameLevel = { missing: 0, disagree: 1, gendered: 2, partial: 3, close: 4, exact: 5 } as const;
export type NameLevel = (typeof NameLevel)[keyof typeof NameLevel];

/** Jaro-Winkler similarity from which two names count as spelling variants. */
export const CLOSE_NAME = 0.88;
/**
 * Two spellings both this frequent in the base, and of comparable frequency, are two names in their
 * own right ("Christine" and "Christophe", "Martin" and "Martinez"), whatever their similarity; a
 * typo is much rarer than the name it alters.
 */
export const ESTABLISHED_SPELLING = 3;
const TYPO_FREQUENCY_RATIO = 0.02;

/** Module-level result of the last name comparison, to avoid allocating a tuple per call. */
let similarity = 0;

/** "jean"/"jeanne", "michel"/"michele", "daniel"/"danielle": the masculine and feminine of one name. */
function gendered(x: string, y: string): boolean {
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (!long.startsWith(short) || long.charCodeAt(long.length - 1) !== 101 /* e */) return false;
  const extra = long.length - short.length;
  return extra === 1 || (extra === 2 && long.charCodeAt(short.length) === short.charCodeAt(short.length - 1));
}

/** "jean" and "jean pierre", "martin" and "martin dupont": one name is the start of the other. */
function leadingToken(x: PreparedName, y: PreparedName): boolean {
  const [short, long] = x.tokens.length < y.tokens.length ? [x, y] : [y, x];
  if (short.tokens.length === long.tokens.length) return false;
  for (let i = 0; i < short.tokens.length; i++) if (short.tokens[i] !== long.tokens[i]) return false;
  return true;
}

function distinctNames(x: PreparedName, y: PreparedName): boolean {
  const [low, high] = x.count < y.count ? [x.count, y.count] : [y.count, x.count];
  return low >= ESTABLISHED_SPELLING && low >= high * TYPO_FREQUENCY_RATIO;
}

/**
 * One letter inserted, deleted, replaced, or two neighbours transposed. Short names ("Léo", "Guy")
 * qualify only when the base says one spelling is rare, as "Léo" and "Léa" are both names.
 */
function oneTypoApart(x: string, y: string, rareVariant: boolean): boolean {
  if (Math.min(x.length, y.length) < (rareVariant ? 2 : 4) || Math.abs(x.length - y.length) > 1) return false;
  return damerauLevenshtein.limited(1, x, y) <= 1;
}

export function compareName(
  x: PreparedName | undefined,
  y: PreparedName | undefined,
  first: boolean,
): NameLevel {
  if (!x || !y) {
    similarity = 0;
    return NameLevel.missing;
  }
  if (x.compact === y.compact) {
    similarity = 1;
    return NameLevel.exact;
  }
  similarity = jaroWinkler(x.compact, y.compact);
  const distinct = distinctNames(x, y);
  // "Alic" for "Alice" is a typo when the base knows "Alic" as rare; "Jean" and "Jeanne" are two people.
  const rareVariant = x.count > 0 && y.count > 0 && !distinct;
  if (first && !rareVariant && gendered(x.compact, y.compact)) return NameLevel.gendered;
  if (leadingToken(x, y)) return NameLevel.partial;
  if (x.phonetic === y.phonetic) return NameLevel.close;
  if (distinct) return NameLevel.disagree;
  return similarity >= CLOSE_NAME || oneTypoApart(x.compact, y.compact, rareVariant)
    ? NameLevel.close
    : NameLevel.disagree;
}

/** Rough log2 evidence of name levels, only to rank orientations and surname variants (weights are in score.ts). */
const FIRST_ORDER = [0, -5, -5, 2, 4, 6];
const SURNAME_ORDER = [0, -5, -5, 4, 6, 8];

/** Compares first names and surnames, straight and crosswise, keeping the best reading. */
export function compareNames(a: PreparedRecord, b: PreparedRecord, out: Comparison): void {
  const firstLevel = compareName(a.first, b.first, true);
  const firstSimilarity = similarity;
  let best = -Infinity;
  out.surnameLevel = NameLevel.missing;
  out.surnameSimilarity = 0;
  out.names[2] = a.surnames[0];
  out.names[3] = b.surnames[0];
  for (const x of a.surnames) {
    for (const y of b.surnames) {
      const level = compareName(x, y, false);
      const value = FIRST_ORDER[firstLevel] + SURNAME_ORDER[level];
      if (value > best || (value === best && similarity > out.surnameSimilarity)) {
        best = value;
        out.surnameLevel = level;
        out.surnameSimilarity = similarity;
        out.names[2] = x;
        out.names[3] = y;
      }
    }
  }
  if (best === -Infinity) best = FIRST_ORDER[firstLevel];
  out.firstLevel = firstLevel;
  out.firstSimilarity = firstSimilarity;
  out.swapped = false;
  out.names[0] = a.first;
  out.names[1] = b.first;
  if (firstLevel === NameLevel.exact && out.surnameLevel >= NameLevel.close) return;
  // First and last names typed in each other's field.
  const crossFirst = compareName(a.first, b.last, true);
  const crossFirstSimilarity = similarity;
  const crossSurname = compareName(a.last, b.first, false);
  if (crossFirst < NameLevel.close || crossSurname < NameLevel.close) return;
  if (FIRST_ORDER[crossFirst] + SURNAME_ORDER[crossSurname] > best) {
    out.firstLevel = crossFirst;
    out.firstSimilarity = crossFirstSimilarity;
    out.surnameLevel = crossSurname;
    out.surnameSimilarity = similarity;
    out.swapped = true;
    out.names[1] = b.last;
    out.names[2] = a.last;
    out.names[3] = b.first;
  }
}
