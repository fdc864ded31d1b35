import type { MatchingRuleSet } from '@parterre/contract/identity';
import {
  AddressLevel,
  type Comparison,
  CoordLevel,
  compareRecords,
  createComparison,
  DateLevel,
} from './compare-fields.ts';
import { NameLevel } from './compare-names.ts';
import { explainComparison, type MatchReason } from './match-explanation.ts';
import type { PreparedRecord } from './match-record.ts';
import { defaultMatchingRules, type RuleWeights, ruleWeights } from './matching-rules.ts';

export type PairScore = { score: number; reasons: MatchReason[] };

/*
 * Fellegi–Sunter weights, in bits: log2(m/u), m being the chance of an outcome for two records of
 * one person and u for two different people of a French base of 10⁵–10⁶ people; PRIOR is the
 * log-odds that a pair is a duplicate. Set from such estimates, then checked on bench/identity
 * (README there): common names alone stay far below review, a rare full name alone reaches it
 * (never auto-merge), a name with a birth date, a street, or an email does; a birth date that
 * differs beyond a typo vetoes almost anything.
 */
const PRIOR = -17.5;
const REFERENCE_BASE = 100_000;
/**
 * Indexed by NameLevel: missing, disagree, gendered, partial, close, exact. The last two are
 * replaced by the term-frequency weight when the base's name counts are known.
 */
const FIRST_NAME = [0, -6, -6, 2, 4, 6];
const SURNAME = [0, -5, -5, 4, 6, 8];
/** Chance that two records of one person spell a name the same way. */
const SAME_SPELLING = 0.9;
/**
 * Spelling variants are weaker evidence than identical spellings: a rare name has a few neighbours
 * one letter away ("Guéry", "Guiry"), and only a tenth of duplicates carry a typo.
 */
const VARIANT_PENALTY = 3.5;
const FIRST_NAME_BITS = { min: 3, max: 10 };
const SURNAME_BITS = { min: 4, max: 16 };
/** Names alone, however rare, stay below automatic merging (a homonym is always possible). */
const NAMES_CAP = 21;
const SWAPPED = -0.5;
/** Indexed by DateLevel: missing, disagree, typo, swapped, exact. */
const BIRTH_DATE = [0, -12, 4, 8, 13];
/** Indexed by CoordLevel: missing, disagree, partial, agree. People have several addresses and numbers. */
const EMAIL = [0, -0.5, 1, 21];
const PHONE = [0, -0.5, 0, 19];
const ORGANISATION = [0, 0, 0, 4];
/** A coordinate shared by people whose first names or birth dates differ: a household, not a duplicate. */
const SHARED_BY_HOUSEHOLD = 2;
/**
 * Indexed by AddressLevel: missing, other département, other postal code in the département, other
 * street, postal code only, other number in the street, same street and number.
 */
const ADDRESS = [0, -3, 0, 2, 7, 4, 12];
const POSTAL_CODE = 7;

const scratch = createComparison();

/**
 * People of one household share a surname, an address, often an email or a landline: when their first
 * names differ (Marie and Marie-Hélène included) or their birth dates do, those agreements are no
 * evidence of one person.
 */
function householdOnly(c: Comparison): boolean {
  return (
    c.firstLevel === NameLevel.disagree ||
    c.firstLevel === NameLevel.gendered ||
    c.firstLevel === NameLevel.partial ||
    c.dateLevel === DateLevel.disagree
  );
}

/** Positive evidence counts by its rule weight; a contradiction counts whatever the rules. */
function weighted(bits: number, weight: number): number {
  return bits > 0 ? bits * weight : bits;
}

function coordinateBits(table: number[], level: CoordLevel, weight: number, household: boolean): number {
  const bits = weighted(table[level], weight);
  return household && level === CoordLevel.agree ? Math.min(bits, SHARED_BY_HOUSEHOLD) : bits;
}

function addressBits(level: AddressLevel, w: RuleWeights): number {
  if (level === AddressLevel.sameStreet || level === AddressLevel.otherNumber) {
    return w.name_address > 0 ? ADDRESS[level] * w.name_address : POSTAL_CODE * w.name_postal_code;
  }
  return weighted(ADDRESS[level], w.name_postal_code);
}

/**
 * Fellegi–Sunter weight of a name agreement, log2(m/u), u being the share of the base with that
 * name (term frequency). PRIOR is set for a base of REFERENCE_BASE records, and the prior odds of a
 * pair fall as the base grows: surnames are weighed against that reference base rather than the
 * actual one, which carries the correction. Two records alone in a base to bear a surname weigh the
 * same in 5,000 records as in a million; "Martin" weighs less in a big base, where it has more homonyms.
 */
function nameBits(
  c: Comparison,
  level: NameLevel,
  offset: 0 | 2,
  table: number[],
  bounds: { min: number; max: number },
  population: number,
): number {
  if (level < NameLevel.close) return table[level];
  const count = Math.max(c.names[offset]?.count ?? 0, c.names[offset + 1]?.count ?? 0);
  if (!c.baseSize || !count) return table[level];
  // Leave-one-out: how many other records of the base bear the name of one of the pair.
  const others = Math.max(count - 1, 0.5);
  const bits = Math.min(bounds.max, Math.max(bounds.min, Math.log2((SAME_SPELLING * population) / others)));
  // Few people bear a typo of a common name: a variant of "Nathalie" is worth the default, not less.
  return level === NameLevel.exact ? bits : Math.max(table[NameLevel.close], bits - VARIANT_PENALTY);
}

/** One term per field, in the order reasons are listed. */
function fieldBits(c: Comparison, w: RuleWeights, out: Float64Array): Float64Array {
  const household = householdOnly(c);
  out[0] = coordinateBits(EMAIL, c.emailLevel, w.email, household);
  out[1] = coordinateBits(PHONE, c.phoneLevel, w.phone, household);
  // Crosswise, the "first name" slot holds a surname on one side: rare names get surname weights.
  const first = c.swapped
    ? nameBits(c, c.firstLevel, 0, FIRST_NAME, SURNAME_BITS, REFERENCE_BASE)
    : nameBits(c, c.firstLevel, 0, FIRST_NAME, FIRST_NAME_BITS, c.baseSize);
  const surnameBits = nameBits(c, c.surnameLevel, 2, SURNAME, SURNAME_BITS, REFERENCE_BASE);
  // A household shares a rare surname too: with different first names it is no evidence of one person.
  const surname =
    household && c.firstLevel !== NameLevel.missing
      ? Math.min(SURNAME[NameLevel.exact], surnameBits)
      : surnameBits;
  const shrink = first > 0 && surname > 0 && first + surname > NAMES_CAP ? NAMES_CAP / (first + surname) : 1;
  out[2] = first * shrink + (c.swapped ? SWAPPED : 0);
  out[3] = surname * shrink;
  out[4] = weighted(BIRTH_DATE[c.dateLevel], w.name_birthdate);
  out[5] = addressBits(c.addressLevel, w);
  out[6] = coordinateBits(ORGANISATION, c.organisationLevel, w.organisation_name, false);
  return out;
}

const bitsScratch = new Float64Array(7);

function probability(bits: Float64Array): number {
  let total = PRIOR;
  for (const value of bits) total += value;
  return 1 / (1 + 2 ** -total);
}

/**
 * Probability that two prepared records describe one person, without explanations: the hot path of
 * a full scan. Allocates nothing beyond talisman's Jaro-Winkler buffers.
 */
export function matchScore(a: PreparedRecord, b: PreparedRecord, rules = defaultMatchingRules): number {
  compareRecords(a, b, scratch);
  return probability(fieldBits(scratch, ruleWeights(rules), bitsScratch));
}

/** Scores a pair and explains it field by field, in French, for the review queue. */
export function scorePair(a: PreparedRecord, b: PreparedRecord, rules = defaultMatchingRules): PairScore {
  const c = compareRecords(a, b, createComparison());
  const weights = ruleWeights(rules);
  const bits = fieldBits(c, weights, new Float64Array(7));
  return { score: probability(bits), reasons: explainComparison(c, bits, weights, householdOnly(c)) };
}

/** What to do with a scored pair under a rule set. */
export function matchDecision(score: number, rules: MatchingRuleSet): 'merge' | 'review' | 'none' {
  if (rules.autoMergeEnabled && score >= rules.autoThreshold) return 'merge';
  return score >= rules.reviewThreshold ? 'review' : 'none';
}
