import type { PreparedName, PreparedRecord } from './match-record.ts';

/**
 * Blocking: only pairs of records sharing at least one key are scored. Each key targets a kind of
 * duplicate, and each is built so that its blocks stay small as the base grows (a key made of a
 * fixed, small vocabulary — a first name alone, a postal code alone — would make the work quadratic):
 *
 * - `e:<canonical email>`, `p:<E.164 phone>`: the same coordinate, whatever the names say.
 * - `h:<postal code>|<house number>|<start of street>`: typos in both names, one address.
 * - `b:<birth date>|<name>`, for the first name and each surname (birth, usage): a typo in the other
 *   name, a swap, a married name, a shortened compound first name ("Jean-Pierre" → "Jean").
 * - `d:<birth date>|<both initials, sorted>`: typos in both names. `y:<birth year>|<both phonetic
 *   codes>`: a typo in the day or month.
 * - `a:<postal code>|<phonetic surname>|<first initial>` unless the surname has over 1,000 bearers,
 *   and `…|<phonetic first name>|<surname initial>` unless the first name is borne by over 1 % of
 *   the base: the same as `b:` without a birth date.
 * - `n:<both phonetic codes, sorted>`: accent loss, spelling variants, swapped fields, nothing else
 *   known; only for surnames borne by at most 100 records (or a rare first name, which may be a
 *   surname in the wrong field): a commoner name alone can never reach review.
 * - `t:…`, for rare names only (at most 8 bearers): the rare name with the other name's initial,
 *   last letter or phonetic code, and each one-letter deletion of it with the other's phonetic code
 *   (a symmetric deletion neighbourhood: any single insertion, deletion, substitution or
 *   transposition leaves a key in common). Names alone, one typo, nothing else known.
 *
 * `n:`, `a:` (first name) and `t:` need the base's name counts (name-frequencies.ts); without them
 * `n:` and `a:` are always emitted and `t:` never. Measured on bench/identity (README there): 0.28
 * candidate pair per record at 100,000 people, 0.83 at a million, largest block 20 records; 97.6 %
 * of true pairs share a key without contact fields, 99.4 % with them. Blocks larger than
 * {@link DEFAULT_MAX_BLOCK_SIZE} are skipped, their pairs left to the other keys of the same records.
 */
export function blockingKeys(record: PreparedRecord): string[] {
  const keys: string[] = [];
  for (const email of record.emails) keys.push(`e:${email}`);
  for (const phone of record.phones) keys.push(`p:${phone}`);
  for (const address of record.addresses) {
    if (address.postalCode && address.number && address.street) {
      // The last word names the street ("république", "jaures"); the first is often its type.
      const word = address.street.slice(address.street.lastIndexOf(' ') + 1, address.street.length);
      keys.push(`h:${address.postalCode}|${address.number}|${word.slice(0, 6)}`);
    }
  }
  const { first, birth } = record;
  const postalCodes = uniquePostalCodes(record);
  if (birth && first) keys.push(`b:${birth.iso}|${first.compact}`);
  for (const surname of record.surnames) {
    if (birth) {
      keys.push(`b:${birth.iso}|${surname.compact}`);
      // Typos in both names: their initials, in either order, still agree.
      const initials = ordered(first?.compact.charAt(0) ?? '', surname.compact.charAt(0)).join('');
      keys.push(`d:${birth.iso}|${initials}`);
      // A typo in the day or month of the birth date.
      if (first) keys.push(`y:${birth.year}|${ordered(first.phonetic, surname.phonetic).join('|')}`);
    }
    for (const postalCode of postalCodes) {
      if (surname.count <= POSTAL_NAME_MAX_COUNT) {
        keys.push(`a:${postalCode}|${surname.phonetic}|${first?.compact.charAt(0) ?? ''}`);
      }
      if (first && !veryCommon(first, record.baseSize)) {
        keys.push(`a:${postalCode}|${first.phonetic}|${surname.compact.charAt(0)}`);
      }
    }
    if (!first) continue;
    if (distinctive(surname) || rare(first))
      keys.push(`n:${ordered(first.phonetic, surname.phonetic).join('|')}`);
    if (rare(surname)) typoKeys(keys, first, surname);
    // A rare first name may be a surname typed in the wrong field: the same keys, roles swapped.
    if (rare(first)) typoKeys(keys, surname, first);
  }
  return [...new Set(keys)];
}

/**
 * Above this many records a block is skipped, its pairs left to the other keys: a safety net that
 * bounds the work at 20,000 pairs a block. With the keys above no block comes near it at a million
 * people; a key added later on a small vocabulary would.
 */
export const DEFAULT_MAX_BLOCK_SIZE = 200;

/** Names borne by at most this many records can make a pair alone, even with a typo (see score.ts). */
const RARE_NAME_COUNT = 8;
/**
 * Above this many bearers, a surname with a first name can no longer reach review without a birth
 * date or an address, which other keys cover: "Marie Martin" needs no name key of its own.
 */
const DISTINCTIVE_NAME_COUNT = 100;
/** Above this many bearers, a surname and a postal code need a street or a birth date to reach review. */
const POSTAL_NAME_MAX_COUNT = 1000;

function distinctive(name: PreparedName): boolean {
  return name.count <= DISTINCTIVE_NAME_COUNT;
}

/** "Marie", "Jean": first names borne by more than 1 % of the base make big blocks in a postal code. */
function veryCommon(name: PreparedName, baseSize: number): boolean {
  return baseSize > 0 && name.count > baseSize * 0.01;
}

/**
 * Typo keys only pay for rare surnames: only those can make a pair on names alone, and the variants
 * of common ones ("martin" without a letter) make huge blocks. They need the base's name counts.
 */
function rare(name: PreparedName): boolean {
  return name.count > 0 && name.count <= RARE_NAME_COUNT;
}

/**
 * A typo in one name of a pair leaves one of these keys intact: the rare name as is with the other
 * name's initial (a typo in the other name), and each one-letter deletion of the rare name with the
 * other name's phonetic code (a typo in the rare name: any insertion, deletion, substitution or
 * transposition leaves a deletion in common, a symmetric deletion neighbourhood).
 */
function typoKeys(keys: string[], other: PreparedName, rareName: PreparedName): void {
  const name = rareName.compact;
  const initial = other.compact.charAt(0);
  keys.push(`t:${initial}|${name}`, `t:-${other.compact.slice(-1)}|${name}`, `t:${other.phonetic}|${name}`);
  if (name.length < 4) return;
  for (let i = 0; i < name.length; i++)
    keys.push(`t:${other.phonetic}|${name.slice(0, i)}${name.slice(i + 1)}`);
}

function ordered(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}

function uniquePostalCodes(record: PreparedRecord): string[] {
  const codes: string[] = [];
  for (const address of record.addresses) {
    if (address.postalCode && !codes.includes(address.postalCode)) codes.push(address.postalCode);
  }
  return codes;
}
