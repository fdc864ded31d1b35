import { compareNames, NameLevel } from './compare-names.ts';
import type { PreparedAddress, PreparedBirthDate, PreparedName, PreparedRecord } from './match-record.ts';
import { jaroWinkler } from './talisman.ts';

export const DateLevel = { missing: 0, disagree: 1, typo: 2, swapped: 3, exact: 4 } as const;
export type DateLevel = (typeof DateLevel)[keyof typeof DateLevel];
/** Email, phone and organisation: `partial` is the same email local part at another provider. */
export const CoordLevel = { missing: 0, disagree: 1, partial: 2, agree: 3 } as const;
export type CoordLevel = (typeof CoordLevel)[keyof typeof CoordLevel];
export const AddressLevel = {
  missing: 0,
  otherDepartement: 1,
  /** Another postal code in the same département: most moves stay within one. */
  otherPostalCode: 2,
  otherStreet: 3,
  postalCodeOnly: 4,
  otherNumber: 5,
  sameStreet: 6,
} as const;
export type AddressLevel = (typeof AddressLevel)[keyof typeof AddressLevel];

/** Jaro-Winkler similarity from which two streets count as spelling variants. */
export const CLOSE_STREET = 0.9;

/** Module-level result of the last address comparison, to avoid allocating a tuple per call. */
let similarity = 0;

/** Field-by-field comparison of a pair. One instance is reused across pairs to keep scoring allocation-free. */
export type Comparison = {
  firstLevel: NameLevel;
  firstSimilarity: number;
  surnameLevel: NameLevel;
  surnameSimilarity: number;
  /** First and last names compared crosswise. */
  swapped: boolean;
  /** The names compared, for explanations: first names, then surnames, of a and of b. */
  names: [
    PreparedName | undefined,
    PreparedName | undefined,
    PreparedName | undefined,
    PreparedName | undefined,
  ];
  dateLevel: DateLevel;
  emailLevel: CoordLevel;
  email: string;
  phoneLevel: CoordLevel;
  phone: string;
  addressLevel: AddressLevel;
  streetSimilarity: number;
  address: PreparedAddress | undefined;
  organisationLevel: CoordLevel;
  organisation: string;
  /** Size of the base name counts refer to, 0 when unknown. */
  baseSize: number;
};

export function createComparison(): Comparison {
  return {
    firstLevel: NameLevel.missing,
    firstSimilarity: 0,
    surnameLevel: NameLevel.missing,
    surnameSimilarity: 0,
    swapped: false,
    names: [undefined, undefined, undefined, undefined],
    dateLevel: DateLevel.missing,
    emailLevel: CoordLevel.missing,
    email: '',
    phoneLevel: CoordLevel.missing,
    phone: '',
    addressLevel: AddressLevel.missing,
    streetSimilarity: 0,
    address: undefined,
    organisationLevel: CoordLevel.missing,
    organisation: '',
    baseSize: 0,
  };
}

function compareDates(x: PreparedBirthDate | undefined, y: PreparedBirthDate | undefined): DateLevel {
  if (!x || !y) return DateLevel.missing;
  if (x.iso === y.iso) return DateLevel.exact;
  const sameYear = x.year === y.year;
  if (sameYear && x.day === y.month && x.month === y.day) return DateLevel.swapped;
  const differing = (sameYear ? 0 : 1) + (x.month === y.month ? 0 : 1) + (x.day === y.day ? 0 : 1);
  if (differing !== 1) return DateLevel.disagree;
  return sameYear || oneDigitApart(x.year, y.year) ? DateLevel.typo : DateLevel.disagree;
}

/** 1975/1976 or 1975/1957: one digit substituted, or two adjacent digits transposed. */
function oneDigitApart(x: number, y: number): boolean {
  const [p, q] = [String(x), String(y)];
  if (p.length !== q.length) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === q[i]) continue;
    if (count++ === 0) first = i;
  }
  return count === 1 || (count === 2 && p[first] === q[first + 1] && p[first + 1] === q[first]);
}

function compareCoordinates(a: PreparedRecord, b: PreparedRecord, out: Comparison): void {
  out.emailLevel = a.emails.length && b.emails.length ? CoordLevel.disagree : CoordLevel.missing;
  out.email = '';
  for (let i = 0; i < a.emails.length && out.emailLevel !== CoordLevel.agree; i++) {
    for (let j = 0; j < b.emails.length; j++) {
      if (a.emails[i] === b.emails[j]) {
        out.emailLevel = CoordLevel.agree;
        out.email = a.emails[i];
        break;
      }
      // A distinctive local part at two providers ("jean.dupont72@" at Orange and at Gmail).
      if (a.emailLocals[i] === b.emailLocals[j] && a.emailLocals[i].length >= 6) {
        out.emailLevel = CoordLevel.partial;
        out.email = a.emailLocals[i];
      }
    }
  }
  out.phoneLevel = a.phones.length && b.phones.length ? CoordLevel.disagree : CoordLevel.missing;
  out.phone = '';
  for (const phone of a.phones) {
    if (b.phones.includes(phone)) {
      out.phoneLevel = CoordLevel.agree;
      out.phone = phone;
      break;
    }
  }
  out.organisationLevel =
    a.organisations.length && b.organisations.length ? CoordLevel.disagree : CoordLevel.missing;
  out.organisation = '';
  for (const organisation of a.organisations) {
    if (b.organisations.includes(organisation)) {
      out.organisationLevel = CoordLevel.agree;
      out.organisation = organisation;
      break;
    }
  }
}

/** Département of a French postal code: two digits, three overseas ("974"). */
export function departement(postalCode: string): string {
  return postalCode.slice(0, postalCode.startsWith('97') || postalCode.startsWith('98') ? 3 : 2);
}

function compareAddress(x: PreparedAddress, y: PreparedAddress): AddressLevel {
  similarity = 0;
  if (!x.postalCode || !y.postalCode) return AddressLevel.missing;
  if (x.postalCode !== y.postalCode) {
    return departement(x.postalCode) === departement(y.postalCode)
      ? AddressLevel.otherPostalCode
      : AddressLevel.otherDepartement;
  }
  if (!x.street || !y.street) return AddressLevel.postalCodeOnly;
  similarity = x.street === y.street ? 1 : jaroWinkler(x.street, y.street);
  if (similarity < CLOSE_STREET) return AddressLevel.otherStreet;
  return x.number && y.number && x.number !== y.number ? AddressLevel.otherNumber : AddressLevel.sameStreet;
}

function compareAddresses(a: PreparedRecord, b: PreparedRecord, out: Comparison): void {
  out.addressLevel = AddressLevel.missing;
  out.streetSimilarity = 0;
  out.address = undefined;
  for (const x of a.addresses) {
    for (const y of b.addresses) {
      const level = compareAddress(x, y);
      if (level > out.addressLevel) {
        out.addressLevel = level;
        out.streetSimilarity = similarity;
        out.address = x;
      }
    }
  }
}

/** Compares every field of a pair into `out`, which is overwritten. */
export function compareRecords(a: PreparedRecord, b: PreparedRecord, out: Comparison): Comparison {
  out.baseSize = Math.min(a.baseSize, b.baseSize);
  compareNames(a, b, out);
  out.dateLevel = compareDates(a.birth, b.birth);
  compareCoordinates(a, b, out);
  compareAddresses(a, b, out);
  return out;
}
