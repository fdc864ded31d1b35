import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isValidEmail } from './email-validity.ts';

const require = createRequire(import.meta.url);
// talisman ships CommonJS without type declarations.
const frenchPhonetic = require('talisman/phonetics/french/phonetic') as (word: string) => string;

/** Outcome of a normalisation: the cleaned value, or a stable error code. */
export type Normalised<T, Code extends string> = ({ ok: true } & T) | { ok: false; code: Code };

/**
 * Trims and lower-cases an email address, then applies the CRM's validity policy.
 * Lower-casing the local part is deliberate: no mail system in use distinguishes case, and
 * duplicate detection needs one spelling.
 */
export function normaliseEmail(raw: string): Normalised<{ value: string }, 'contacts.invalid_email'> {
  const value = raw.trim().normalize('NFC').toLowerCase();
  return isValidEmail(value) ? { ok: true, value } : { ok: false, code: 'contacts.invalid_email' };
}

/** Regions sharing the French ten-digit plan: dialled from France with a leading 0. */
const FRENCH_PLAN_REGIONS = new Set(['FR', 'RE', 'YT', 'GP', 'MQ', 'GF', 'BL', 'MF']);
/** Overseas departments whose numbers are often typed in national form in a French CRM. */
const OVERSEAS_FALLBACK_REGIONS: CountryCode[] = ['RE', 'GP', 'MQ', 'GF', 'YT'];

function parseValidPhone(raw: string, region: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(raw, { defaultCountry: region });
  return parsed?.isValid() ? parsed : undefined;
}

/**
 * Parses a phone number typed in any common form ("06 12 34 56 78", "06.12.34.56.78",
 * "+33612345678", "0033 6 12 34 56 78") into E.164.
 * `type` is libphonenumber's line type in lower case ('mobile', 'fixed_line', 'voip'…).
 */
export function normalisePhone(
  raw: string,
  defaultRegion = 'FR',
): Normalised<{ e164: string; national: string; type?: string }, 'contacts.invalid_phone'> {
  const region = defaultRegion.toUpperCase() as CountryCode;
  let parsed = parseValidPhone(raw, region);
  // "0692 12 34 56" is a Réunion mobile, not an invalid French one.
  if (!parsed && region === 'FR' && /^\s*0/.test(raw)) {
    for (const overseas of OVERSEAS_FALLBACK_REGIONS) {
      parsed = parseValidPhone(raw, overseas);
      if (parsed) break;
    }
  }
  if (!parsed) return { ok: false, code: 'contacts.invalid_phone' };
  const type = parsed.getType()?.toLowerCase();
  return { ok: true, e164: parsed.number, national: parsed.formatNational(), ...(type ? { type } : {}) };
}

/**
 * Formats an E.164 number for display: national form for the French numbering plan
 * ("06 12 34 56 78"), international form otherwise ("+44 20 7946 0958").
 * Returns the input unchanged when it cannot be parsed.
 */
export function formatPhoneNational(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country && FRENCH_PLAN_REGIONS.has(parsed.country)
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/** A commune of the official geographic code (COG). */
export type Commune = {
  inseeCode: string;
  name: string;
  departementCode: string;
  departementName: string;
  regionCode: string;
  regionName: string;
};

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
};

let communesByPostalCode: Map<string, Commune[]> | undefined;

function loadJson<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'));
}

/** Loaded on first use: the file weighs 8 MB and most processes never need it. Entries are frozen as they are shared. */
function postalCodeIndex(): Map<string, Commune[]> {
  if (communesByPostalCode) return communesByPostalCode;
  const departements = new Map(
    loadJson<{ code: string; nom: string }[]>('departements.json').map((d) => [d.code, d.nom]),
  );
  const regions = new Map(
    loadJson<{ code: string; nom: string }[]>('regions.json').map((r) => [r.code, r.nom]),
  );
  const index = new Map<string, Commune[]>();
  for (const raw of loadJson<RawCommune[]>('communes.json')) {
    // Delegated and associated communes and municipal arrondissements are not addressable communes.
    if (raw.type !== 'commune-actuelle' || !raw.codesPostaux) continue;
    const commune: Commune = Object.freeze({
      inseeCode: raw.code,
      name: raw.nom,
      departementCode: raw.departement ?? '',
      departementName: departements.get(raw.departement ?? '') ?? '',
      regionCode: raw.region ?? '',
      regionName: regions.get(raw.region ?? '') ?? '',
    });
    for (const postalCode of new Set(raw.codesPostaux)) {
      const list = index.get(postalCode);
      if (list) list.push(commune);
      else index.set(postalCode, [commune]);
    }
  }
  communesByPostalCode = index;
  return index;
}

/** Reduces a commune name to a comparable key: "St-Étienne-du-Rouvray" → "saint etienne du rouvray". */
function communeKey(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+cedex(?:\s+\d+)?$/, '')
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

/**
 * Finds the communes served by a French postal code. When several share it, `best` is the one whose
 * name matches `city` (ignoring accents, case, hyphens and "St"/"Saint"); with a single commune,
 * `best` is that commune. A four-digit code is padded, as spreadsheets drop the leading zero.
 */
export function lookupFrenchPostalCode(
  postalCode: string,
  city?: string,
): Normalised<{ communes: Commune[]; best?: Commune }, 'contacts.unknown_postal_code'> {
  let code = postalCode.replace(/\s+/g, '');
  if (/^\d{4}$/.test(code)) code = `0${code}`;
  const communes = /^\d{5}$/.test(code) ? postalCodeIndex().get(code) : undefined;
  if (!communes) return { ok: false, code: 'contacts.unknown_postal_code' };
  if (communes.length === 1) return { ok: true, communes: [...communes], best: communes[0] };
  const wanted = city ? communeKey(city) : '';
  const best = wanted ? communes.find((commune) => communeKey(commune.name) === wanted) : undefined;
  return { ok: true, communes: [...communes], ...(best ? { best } : {}) };
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

function digitsOnly(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** Validates a SIREN (9 digits, Luhn key); spaces, including non-breaking ones, are removed. */
export function normaliseSiren(raw: string): Normalised<{ value: string }, 'organisations.invalid_siren'> {
  const value = digitsOnly(raw);
  return /^\d{9}$/.test(value) && luhnSum(value) % 10 === 0
    ? { ok: true, value }
    : { ok: false, code: 'organisations.invalid_siren' };
}

/** La Poste numbers its establishments beyond what a Luhn key allows; INSEE checks a digit sum instead. */
const LA_POSTE_SIREN = '356000000';

/** Validates a SIRET (14 digits, Luhn key, or digit sum divisible by 5 for La Poste). */
export function normaliseSiret(raw: string): Normalised<{ value: string }, 'organisations.invalid_siret'> {
  const value = digitsOnly(raw);
  if (!/^\d{14}$/.test(value)) return { ok: false, code: 'organisations.invalid_siret' };
  const valid = value.startsWith(LA_POSTE_SIREN)
    ? [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0
    : luhnSum(value) % 10 === 0;
  return valid ? { ok: true, value } : { ok: false, code: 'organisations.invalid_siret' };
}

const LIGATURES: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
};

/** Removes diacritics ("Hélène Çelik" → "Helene Celik") and spells out ligatures ("Œuvre" → "OEuvre"). */
export function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒæÆßøØłŁ]/g, (letter) => LIGATURES[letter]);
}

const CIVILITIES = new Map<string, 'M.' | 'Mme'>([
  ...['m', 'mr', 'monsieur', 'mister', 'sir'].map((key) => [key, 'M.'] as const),
  ...['mme', 'madame', 'mrs', 'ms', 'miss', 'mlle', 'melle', 'mademoiselle'].map(
    (key) => [key, 'Mme'] as const,
  ),
]);

/**
 * Maps a courtesy title in French or English ("Monsieur", "Mr.", "Mrs", "Mlle"…) to the two
 * civilities the CRM stores; undefined for anything else ("Dr", "Me", "M. et Mme").
 * "Mademoiselle" maps to "Mme": French administrations dropped it in 2012.
 */
export function normaliseCivility(raw: string): 'M.' | 'Mme' | undefined {
  return CIVILITIES.get(stripAccents(raw).trim().toLowerCase().replace(/\.$/, ''));
}

export type SplitName = { civility?: 'M.' | 'Mme'; firstName?: string; lastName?: string };

/**
 * Splits a full name written in one field: "Dupont, Jean", "DUPONT Jean" (surname first in
 * capitals, as French lists often write it), "M. Jean Dupont". A single word is taken as the last name.
 */
export function splitFullName(full: string): SplitName {
  let words = full.split(/\s+/).filter(Boolean);
  const civility = words.length > 1 ? normaliseCivility(words[0]) : undefined;
  if (civility) words = words.slice(1);
  const result: SplitName = civility ? { civility } : {};
  const [before, after, ...more] = words
    .join(' ')
    .split(',')
    .map((part) => part.trim());
  if (before && after && more.length === 0) return { ...result, lastName: before, firstName: after };
  if (words.length < 2) return words.length ? { ...result, lastName: words[0] } : result;
  const capitals = (word: string) =>
    word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
  const split = words.findIndex((word) => !capitals(word));
  return split > 0
    ? { ...result, lastName: words.slice(0, split).join(' '), firstName: words.slice(split).join(' ') }
    : { ...result, firstName: words[0], lastName: words.slice(1).join(' ') };
}

/** Keys used to block candidate duplicates before finer comparison. */
export type NameKeys = {
  /** Lower-case, accent-free, punctuation folded to single spaces: "jean pierre". */
  first: string;
  last: string;
  /** French phonetic codes ("Phonétique française"): Dupont, Dupond and Dupon share "DUPON". */
  firstPhonetic: string;
  lastPhonetic: string;
};

function nameKey(name: string | undefined): string {
  return stripAccents(name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function phoneticKey(key: string): string {
  // Accents are already stripped, so "Françoise" and "Francoise" get the same code.
  const code = key ? frenchPhonetic(key.toUpperCase()) : '';
  // The algorithm drops very short names entirely; keep the letters rather than an empty key.
  return code || key.replace(/ /g, '').toUpperCase();
}

/** Computes comparison keys for a person's first and last names. */
export function nameKeys(first: string | undefined, last: string | undefined): NameKeys {
  const firstKey = nameKey(first);
  const lastKey = nameKey(last);
  return {
    first: firstKey,
    last: lastKey,
    firstPhonetic: phoneticKey(firstKey),
    lastPhonetic: phoneticKey(lastKey),
  };
}
