import type { Civility, OrderChannel, SaleStatus } from '@parterre/contract/intake';
import { type DateParts, formatHint, parseDate, parseTime, type TimeParts } from './date-parse.ts';

/** A converted cell, or the French reason it could not be read. */
export type Outcome<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

const ok = <T>(value: T | undefined): Outcome<T> => ({ ok: true, value });
const fail = <T>(message: string): Outcome<T> => ({ ok: false, message });

/** Lower case, no accents, single spaces: the form free labels are compared in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function transformDate(raw: string, format?: string): Outcome<DateParts> {
  const parts = parseDate(raw, format);
  return parts ? ok(parts) : fail(`Date illisible « ${raw} » (format attendu ${formatHint(format)})`);
}

export function transformTime(raw: string): Outcome<TimeParts> {
  const parts = parseTime(raw);
  return parts ? ok(parts) : fail(`Heure illisible « ${raw} » (format attendu hh:mm)`);
}

/**
 * An amount: `12,50`, `1 234,56 €`, `€1,234.56`, `1.234,56`, `-12,50`, `(12.50)`, `12,50-`.
 * A lone separator is the decimal one; repeated, or before the other one, it groups thousands.
 */
export function parseDecimal(raw: string): number | undefined {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/EUR|USD|GBP|CHF|[€$£¤]/gi, '').replace(/\u2212/g, '-');
  const signed = /^([+-]?)(.*?)(-?)$/.exec(text)!;
  negative = negative || signed[1] === '-' || signed[3] === '-';
  const body = signed[2];
  if (!/^(\d[\d.,]*|[.,]\d+)$/.test(body)) return undefined;
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let decimalSeparator: string | undefined;
  if (lastComma >= 0 && lastDot >= 0) decimalSeparator = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    if (body.indexOf(separator) === body.lastIndexOf(separator)) decimalSeparator = separator;
  }
  const [integer, fraction = ''] = decimalSeparator ? splitLast(body, decimalSeparator) : [body];
  if (/[.,]/.test(integer) && !/^\d{1,3}([.,]\d{3})*$/.test(integer)) return undefined;
  if (/[.,]/.test(integer) && new Set(integer.match(/[.,]/g)).size > 1) return undefined;
  const value = Number(`${integer.replace(/[.,]/g, '') || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return undefined;
  return negative && value !== 0 ? -value : value;
}

function splitLast(text: string, separator: string): [string, string] {
  const index = text.lastIndexOf(separator);
  return [text.slice(0, index), text.slice(index + 1)];
}

export function transformDecimal(raw: string): Outcome<number> {
  const value = parseDecimal(raw);
  return value === undefined ? fail(`Montant illisible « ${raw} »`) : ok(value);
}

/** Minor units (cents) to units: `1500` → 15. */
export function transformCents(raw: string): Outcome<number> {
  const value = parseDecimal(raw);
  if (value === undefined) return fail(`Montant illisible « ${raw} » (centimes attendus)`);
  return ok(Math.round(value) / 100);
}

const MALE = new Set(['m', 'mr', 'monsieur', 'mister', 'sir', 'h', 'homme']);
const FEMALE = new Set(['mme', 'madame', 'mlle', 'melle', 'mademoiselle', 'mrs', 'ms', 'miss', 'f', 'femme']);
// Titles that say nothing of M./Mme (or a couple): no civility rather than a rejected row.
const NEUTRAL =
  /^(dr|docteur|pr|professeur|me|maitre|mx|famille|m et mme|mr et mme|monsieur et madame|mm|mmes|messieurs|mesdames)$/;

/** `M.`, `Mr`, `Monsieur` → `M.`; `Mme`, `Madame`, `Mlle` → `Mme`; titles without gender → nothing. */
export function transformCivility(raw: string): Outcome<Civility> {
  const key = fold(raw)
    .replace(/\./g, '')
    .replace(/\s*&\s*/, ' et ');
  if (MALE.has(key)) return ok('M.');
  if (FEMALE.has(key)) return ok('Mme');
  if (NEUTRAL.test(key)) return ok(undefined);
  return fail(`Civilité inconnue « ${raw} » (M. ou Mme attendu)`);
}

const PARTICLES = new Set([
  "d'",
  'de',
  'du',
  'des',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'le',
  'la',
]);

/**
 * Splits a full name. Upper-case words are the last name (« DUPONT Jean », « Jean-Pierre DE LA
 * TOUR »); « Dupont, Jean » puts the last name first; otherwise the last name starts at a
 * particle (« Jean de La Fontaine ») or is the last word (« Jean Dupont »).
 */
export function splitFullName(raw: string): { firstName?: string; lastName?: string } {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return {};
  const comma = text.indexOf(',');
  if (comma > 0) return clean(text.slice(comma + 1), text.slice(0, comma));
  const words = text.split(' ');
  if (words.length === 1) return { lastName: text };
  const upper = words.map(isUpperWord);
  if (upper.some(Boolean) && !upper.every(Boolean)) {
    let start = upper.indexOf(true);
    let end = start;
    while (end + 1 < words.length && upper[end + 1]) end++;
    while (start > 0 && PARTICLES.has(words[start - 1].toLowerCase())) start--;
    const first = [...words.slice(0, start), ...words.slice(end + 1)].join(' ');
    return clean(first, words.slice(start, end + 1).join(' '));
  }
  const particle = words.findIndex((word, index) => index > 0 && PARTICLES.has(word.toLowerCase()));
  const split = particle > 0 && particle < words.length - 1 ? particle : words.length - 1;
  return clean(words.slice(0, split).join(' '), words.slice(split).join(' '));
}

function isUpperWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function clean(firstName: string, lastName: string) {
  const result: { firstName?: string; lastName?: string } = {};
  if (firstName.trim()) result.firstName = firstName.trim();
  if (lastName.trim()) result.lastName = lastName.trim();
  return result;
}

const CHANNELS: [OrderChannel, RegExp][] = [
  [
    'revendeur',
    /revend|reseller|fnac|ticketmaster|digitick|see ?tickets|billetreduc|francebillet|ticketac|carrefour|partenaire|distribut/,
  ],
  ['telephone', /telephon|\btel\b|phone|appel/],
  ['correspondance', /correspondance|courrier|\bvpc\b|postal/],
  ['web', /internet|\bweb|en ligne|online|\bsite\b|e-?billet|eventbrite|helloasso|billetweb/],
  ['guichet', /guichet|caisse|sur place|box ?office|comptoir|accueil|billetterie/],
];

/** Free sales-channel labels (« Internet », « Vente en ligne », « Revendeur FNAC »…) to a channel. */
export function transformChannel(raw: string): Outcome<OrderChannel> {
  const key = fold(raw);
  return ok(CHANNELS.find(([, pattern]) => pattern.test(key))?.[0] ?? 'autre');
}

const STATUSES: [SaleStatus, RegExp][] = [
  ['refunded', /rembours|refund|avoir/],
  ['cancelled', /annul|cancel|supprim|delete|void|refus|not attending|invalid/],
  ['pending', /attente|pending|non pa|impaye|unpaid|a payer|\boption\b|reserv/],
];

/** « Remboursé », « Refunded » → refunded; « Annulé », « Cancelled » → cancelled; other labels → confirmed. */
export function transformStatus(raw: string): Outcome<SaleStatus> {
  const key = fold(raw);
  return ok(STATUSES.find(([, pattern]) => pattern.test(key))?.[0] ?? 'confirmed');
}

export function transformAge(raw: string): Outcome<number> {
  const match = /^(\d{1,3})(?:\s*ans?)?$/i.exec(raw.trim());
  const age = match ? Number(match[1]) : Number.NaN;
  return age >= 0 && age <= 130 ? ok(age) : fail(`Âge illisible « ${raw} »`);
}

export function transformText(raw: string, mode: 'trim' | 'upper' | 'lower' = 'trim'): Outcome<string> {
  const text = raw.trim();
  if (!text) return ok(undefined);
  return ok(
    mode === 'upper' ? text.toLocaleUpperCase('fr') : mode === 'lower' ? text.toLocaleLowerCase('fr') : text,
  );
}
