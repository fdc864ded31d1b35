import { stripAccents } from '../../server/src/modules/contacts/contact-normalisation.ts';
import type { MatchRecord } from '../../server/src/modules/identity/match-record.ts';
import { STREET_TYPES } from './french-names.ts';
import { type Address, addressLine, type Person, type PopulationModel } from './people.ts';
import type { Random } from './random.ts';

/** A record being written for a person, before rendering. */
export type Draft = {
  first: string;
  last: string;
  usage?: string;
  birthDate?: string;
  emails: string[];
  phones: string[];
  address?: Address;
  abbreviate: boolean;
  street?: string;
  upperCase: boolean;
};

export function draftOf(person: Person): Draft {
  return {
    first: person.first,
    last: person.last,
    usage: person.usage,
    birthDate: person.birthDate,
    emails: person.email ? [person.email] : [],
    phones: person.phone ? [person.phone] : [],
    address: person.address,
    abbreviate: false,
    upperCase: false,
  };
}

export function render(id: string, draft: Draft, random: Random): MatchRecord {
  const address = draft.address;
  let line1 =
    address && !address.postalCodeOnly
      ? (draft.street ?? addressLine(address, draft.abbreviate, random))
      : undefined;
  if (line1 && draft.upperCase) line1 = line1.toUpperCase();
  return {
    id,
    firstName: draft.first,
    lastName: draft.upperCase ? draft.last.toUpperCase() : draft.last,
    ...(draft.usage ? { usageName: draft.usage } : {}),
    ...(draft.birthDate ? { birthDate: draft.birthDate } : {}),
    emails: draft.emails,
    phones: draft.phones,
    addresses: address ? [{ line1, postalCode: address.postalCode, city: address.city }] : [],
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One keyboard slip: a letter inserted, deleted, replaced, or two neighbours transposed. */
export function typo(word: string, random: Random): string {
  const letters = [...word];
  const positions = letters.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  if (positions.length < 3) return word;
  const at = random.pick(positions);
  const letter = random.pick([...LETTERS]);
  switch (random.int(0, 3)) {
    case 0:
      letters.splice(at, 0, letter);
      break;
    case 1:
      letters.splice(at, 1);
      break;
    case 2:
      letters[at] = letters[at] === letter ? random.pick([...LETTERS]) : letter;
      break;
    default: {
      const next = positions.includes(at + 1) ? at + 1 : at - 1;
      [letters[at], letters[next]] = [letters[next], letters[at]];
    }
  }
  const result = letters.join('');
  return result[0] === letters[0] || at > 0 ? result : result[0].toUpperCase() + result.slice(1);
}

type Corruption = [label: string, probability: number, apply: (d: Draft, p: Person, ctx: Context) => boolean];
type Context = { random: Random; model: PopulationModel };

/**
 * What happens to the second record of one person, each with its probability. Rates follow what
 * cultural institutions see when they merge ticketing, subscription and donation files.
 */
export const CORRUPTIONS: Corruption[] = [
  [
    'moved',
    0.08,
    (d, p, { model }) => {
      if (!p.address) return false;
      d.address = model.movedAddress(p.address);
      d.street = undefined;
      return true;
    },
  ],
  ['typo-first', 0.15, (d, _p, { random }) => change(d, 'first', typo(d.first, random))],
  ['typo-last', 0.15, (d, _p, { random }) => change(d, 'last', typo(d.last, random))],
  [
    'accents',
    0.3,
    (d, _p, { random }) => {
      const before = `${d.first}|${d.last}|${d.usage}`;
      d.first = stripAccents(d.first);
      d.last = stripAccents(d.last);
      d.usage = d.usage && stripAccents(d.usage);
      if (d.address && !d.address.postalCodeOnly) {
        d.street = stripAccents(d.street ?? addressLine(d.address, d.abbreviate, random));
      }
      return before !== `${d.first}|${d.last}|${d.usage}` || d.street !== undefined;
    },
  ],
  [
    'case',
    0.3,
    (d, _p, { random }) => {
      d.upperCase = true;
      if (random.chance(0.3)) d.first = d.first.toUpperCase();
      return true;
    },
  ],
  [
    'swap',
    0.07,
    (d) => {
      [d.first, d.last] = [d.last, d.first];
      return true;
    },
  ],
  [
    'compound',
    0.5,
    (d, _p, { random }) =>
      d.first.includes('-') &&
      change(d, 'first', random.chance(0.5) ? d.first.replace('-', ' ') : d.first.split('-')[0]),
  ],
  [
    'usage-name',
    0.06,
    (d, p, { model }) => {
      if (!p.female) return false;
      if (p.usage) [d.last, d.usage] = [p.usage, undefined];
      else d.usage = model.surname();
      return true;
    },
  ],
  [
    'birthdate-typo',
    0.04,
    (d, _p, { random }) => !!d.birthDate && change(d, 'birthDate', dateTypo(d.birthDate, random)),
  ],
  ['email-variant', 0.3, (d, p, ctx) => !!p.email && emailVariant(d, p.email, ctx)],
  [
    'phone-change',
    0.1,
    (d, _p, { model, random }) => {
      if (!d.phones.length) return false;
      d.phones = random.chance(0.5) ? [model.phone()] : [];
      return true;
    },
  ],
  [
    'address-format',
    0.3,
    (d) => {
      if (!d.address || d.address.postalCodeOnly || d.street) return false;
      d.abbreviate = true;
      return true;
    },
  ],
  [
    'address-typo',
    0.05,
    (d, _p, { random }) => {
      if (!d.address || d.address.postalCodeOnly || d.street) return false;
      const [type] = STREET_TYPES[d.address.type];
      d.street = `${d.address.number} ${type} ${typo(d.address.street, random)}`;
      return true;
    },
  ],
  ['missing-field', 0.2, (d, _p, ctx) => dropOneField(d, ctx.random)],
];

function change<K extends 'first' | 'last' | 'birthDate'>(d: Draft, key: K, value: string): boolean {
  if (d[key] === value) return false;
  d[key] = value;
  return true;
}

/** Day and month swapped when both could be a month, otherwise one digit of the day or year changed. */
function dateTypo(iso: string, random: Random): string {
  const [year, month, day] = iso.split('-');
  if (Number(day) <= 12 && day !== month && random.chance(0.6)) return `${year}-${day}-${month}`;
  if (random.chance(0.5))
    return `${year.slice(0, 3)}${(Number(year[3]) + random.int(1, 8)) % 10}-${month}-${day}`;
  const newDay = ((Number(day) + random.int(1, 8) - 1) % 28) + 1;
  return `${year}-${month}-${String(newDay).padStart(2, '0')}`;
}

function emailVariant(d: Draft, email: string, { random, model }: Context): boolean {
  const [local, domain] = email.split('@');
  const variants: (() => string[])[] = [
    () => [`${local.replace(/\./g, '')}@${domain}`.replace(/^(.{3})/, domain === 'gmail.com' ? '$1.' : '$1')],
    () => [`${local}+${random.pick(['billetterie', 'opera', 'newsletter', 'theatre'])}@${domain}`],
    () => [email.replace(/^./, (c) => c.toUpperCase()).replace(domain, domain.toUpperCase())],
    () => [model.unique(local, model.provider())],
    () => [model.unique(`${local.replace(/\d+$/, '')}.pro`, 'entreprise.fr')],
    () => [],
  ];
  d.emails = random.pick(variants)();
  return true;
}

function dropOneField(d: Draft, random: Random): boolean {
  const present = [
    d.birthDate && 'birthDate',
    d.address && 'address',
    d.emails.length && 'emails',
    d.phones.length && 'phones',
  ].filter((key): key is 'birthDate' | 'address' | 'emails' | 'phones' => !!key);
  if (!present.length) return false;
  const key = random.pick(present);
  if (key === 'emails' || key === 'phones') d[key] = [];
  else d[key] = undefined;
  return true;
}
