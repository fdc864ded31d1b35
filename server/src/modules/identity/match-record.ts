import { normaliseEmail, normalisePhone } from '../contacts/contact-normalisation.ts';
import { foldText } from './fold-text.ts';
import { normaliseStreet } from './street-normalisation.ts';
import { type PhoneticAlgorithm, phoneticEncoder } from './talisman.ts';

/** A person as the matcher sees it: identity fields only, read from the contact and its coordinates. */
export type MatchRecord = {
  id: string;
  firstName?: string;
  /** Birth name (nom de naissance), or the only name known. */
  lastName?: string;
  /** Name in use (nom d'usage), typically a married name. */
  usageName?: string;
  /** YYYY-MM-DD. */
  birthDate?: string;
  emails: string[];
  /** E.164; other forms are parsed as French numbers. */
  phones: string[];
  addresses: { line1?: string; postalCode?: string; city?: string }[];
  organisationNames?: string[];
};

const encoders = new Map<PhoneticAlgorithm, (word: string) => string>();
/** Names repeat a lot and the encoders cost 5 to 75 µs a call: codes are memoised, up to a bound. */
const codes = new Map<string, string>();
const MAX_CACHED_CODES = 200_000;

function encoder(algorithm: PhoneticAlgorithm): (word: string) => string {
  let encode = encoders.get(algorithm);
  if (!encode) {
    const raw = phoneticEncoder(algorithm);
    encode = (word) => {
      const key = `${algorithm}:${word}`;
      let code = codes.get(key);
      if (code === undefined) {
        if (codes.size >= MAX_CACHED_CODES) codes.clear();
        code = raw(word);
        codes.set(key, code);
      }
      return code;
    };
    encoders.set(algorithm, encode);
  }
  return encode;
}

/**
 * Chosen on the benchmark (bench/identity/README.md): with the other blocking keys, Sonnex, FONEM,
 * Phonex and the "Phonétique française" give the same precision and recall and within 2 % of the
 * candidate pairs; Sonnex is the fastest (1.4 µs a name, against 5 to 75 µs). Soundex2 is too coarse.
 */
export const DEFAULT_PHONETIC: PhoneticAlgorithm = 'sonnex';

export type PreparedName = {
  /** As typed, trimmed: for explanations. */
  raw: string;
  /** Lower-case, unaccented, punctuation folded to single spaces: "jean pierre". */
  text: string;
  /** `text` without spaces: "jeanpierre", so that "Jean-Pierre" equals "Jean Pierre" equals "Jeanpierre". */
  compact: string;
  tokens: string[];
  /** Upper-case French phonetic code of `compact`. */
  phonetic: string;
  /** Records of the base bearing this spelling, 0 when unknown (see name-frequencies.ts). */
  count: number;
};

export type PreparedBirthDate = { iso: string; year: number; month: number; day: number };

export type PreparedAddress = {
  /** House number with its suffix ("12 bis"), or "". */
  number: string;
  /** Street without number nor articles, abbreviations spelled out: "boulevard saint michel". */
  street: string;
  postalCode: string;
  city: string;
};

/** The per-record work of matching, done once so that scoring a pair allocates almost nothing. */
export type PreparedRecord = {
  id: string;
  first?: PreparedName;
  last?: PreparedName;
  usage?: PreparedName;
  /** `last` then `usage`, those present: the surnames compared crosswise. */
  surnames: PreparedName[];
  birth?: PreparedBirthDate;
  /** Canonical addresses: Gmail dots and plus tags removed, googlemail.com folded into gmail.com. */
  emails: string[];
  /** Local part of each canonical address, same order. */
  emailLocals: string[];
  emailDomains: string[];
  phones: string[];
  addresses: PreparedAddress[];
  organisations: string[];
  /** Size of the base the name counts come from, 0 when unknown. */
  baseSize: number;
};

export function prepareName(raw: string | undefined, phonetic = DEFAULT_PHONETIC): PreparedName | undefined {
  const text = foldText(raw);
  if (!text) return undefined;
  const compact = text.replace(/ /g, '');
  const upper = compact.toUpperCase();
  return {
    raw: (raw ?? '').trim(),
    text,
    compact,
    tokens: text.split(' '),
    phonetic: encoder(phonetic)(upper) || upper,
    count: 0,
  };
}

function prepareBirthDate(raw: string | undefined): PreparedBirthDate | undefined {
  const match = raw ? /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim()) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { iso: `${match[1]}-${match[2]}-${match[3]}`, year, month, day };
}

/** Providers where dots in the local part are ignored by the mailbox. */
const DOT_INSENSITIVE_DOMAINS = new Set(['gmail.com']);
const DOMAIN_ALIASES = new Map([['googlemail.com', 'gmail.com']]);

/** Canonical form of an address for matching, or undefined when it is not a valid address. */
export function canonicalEmail(raw: string): { address: string; local: string; domain: string } | undefined {
  const normalised = normaliseEmail(raw);
  if (!normalised.ok) return undefined;
  const at = normalised.value.lastIndexOf('@');
  const rawDomain = normalised.value.slice(at + 1);
  const domain = DOMAIN_ALIASES.get(rawDomain) ?? rawDomain;
  // Plus-addressing ("jean+opera@") reaches the same mailbox at every major provider.
  let local = normalised.value.slice(0, at).replace(/\+.*$/, '');
  if (DOT_INSENSITIVE_DOMAINS.has(domain)) local = local.replace(/\./g, '');
  return { address: `${local}@${domain}`, local, domain };
}

function canonicalPhone(raw: string): string | undefined {
  if (/^\+[1-9]\d{6,14}$/.test(raw)) return raw;
  const parsed = normalisePhone(raw);
  return parsed.ok ? parsed.e164 : undefined;
}

function preparePostalCode(raw: string | undefined): string {
  const code = (raw ?? '').replace(/\s+/g, '');
  return /^\d{4}$/.test(code) ? `0${code}` : code.toUpperCase();
}

function cityKey(raw: string | undefined): string {
  return foldText(raw)
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/ cedex( \d+)?$/, '');
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Computes once per record every normalised form the blocking keys and the scorer need. */
export function prepareRecord(record: MatchRecord, phonetic = DEFAULT_PHONETIC): PreparedRecord {
  const emails = uniqueBy(
    record.emails.map(canonicalEmail).filter((email) => email !== undefined),
    (email) => email.address,
  );
  const addresses = uniqueBy(
    record.addresses
      .map((address): PreparedAddress => {
        const street = normaliseStreet(address.line1);
        return {
          number: street.number,
          street: street.street,
          postalCode: preparePostalCode(address.postalCode),
          city: cityKey(address.city),
        };
      })
      .filter((address) => address.street || address.postalCode || address.city),
    (address) => `${address.number}|${address.street}|${address.postalCode}|${address.city}`,
  );
  const last = prepareName(record.lastName, phonetic);
  const prepared = prepareName(record.usageName, phonetic);
  const usage = prepared && prepared.compact !== last?.compact ? prepared : undefined;
  return {
    id: record.id,
    first: prepareName(record.firstName, phonetic),
    last,
    usage,
    surnames: [last, usage].filter((name) => name !== undefined),
    birth: prepareBirthDate(record.birthDate),
    emails: emails.map((email) => email.address),
    emailLocals: emails.map((email) => email.local),
    emailDomains: emails.map((email) => email.domain),
    phones: [...new Set(record.phones.map(canonicalPhone).filter((phone) => phone !== undefined))],
    addresses,
    organisations: [...new Set((record.organisationNames ?? []).map(foldText).filter(Boolean))],
    baseSize: 0,
  };
}
