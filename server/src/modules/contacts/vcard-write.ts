import type { ParsedAddress, ParsedEmail, ParsedPhone } from './vcard-parse.ts';

/** The person fields a vCard carries; ids and values as stored by the contacts module. */
export type VCardPerson = {
  id: string;
  civility?: string;
  firstName?: string;
  /** Birth name. */
  lastName?: string;
  /** Name in everyday use (nom d'usage), when it differs from the birth name. */
  usageName?: string;
  /** YYYY-MM-DD. */
  birthDate?: string;
  emails: ParsedEmail[];
  phones: { e164: string; type?: ParsedPhone['type']; primary: boolean }[];
  addresses: ParsedAddress[];
  organisationName?: string;
  jobTitle?: string;
  note?: string;
  tags?: string[];
};

/** RFC 6350 §3.2: lines longer than 75 octets are folded; the continuation's leading space counts. */
const MAX_LINE_OCTETS = 75;

/** Escapes a text value or component (RFC 6350 §3.4). */
function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line without ever splitting a multi-byte UTF-8 sequence. */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** Builds the parameter list; PREF=1 marks the primary item. */
function params(type: string | undefined, primary: boolean): string {
  return `${type ? `;TYPE=${type}` : ''}${primary ? ';PREF=1' : ''}`;
}

const PHONE_TYPES: Record<NonNullable<ParsedPhone['type']>, string> = {
  mobile: 'cell',
  home: 'home',
  work: 'work',
  fax: 'fax',
  other: 'other',
};

/**
 * Writes a person as a vCard 4.0 (RFC 6350): CRLF line endings, lines folded at 75 octets,
 * values escaped, `UID:urn:uuid:<id>`, `PREF=1` on primary items and tags as CATEGORIES.
 * The usage name, when there is one, is the family name shown by address books; the birth name
 * then travels in X-MAIDENNAME, the field Apple Contacts reads.
 */
export function writeVCard(person: VCardPerson): string {
  const familyName = person.usageName || person.lastName || '';
  const formattedName =
    [person.firstName, familyName].filter(Boolean).join(' ') ||
    person.organisationName ||
    person.emails[0]?.value ||
    '';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${person.id}`,
    `FN:${escapeText(formattedName)}`,
  ];
  const n = [familyName, person.firstName, '', person.civility, ''].map((part) => escapeText(part ?? ''));
  lines.push(`N:${n.join(';')}`);
  if (person.usageName && person.lastName && person.usageName !== person.lastName) {
    lines.push(`X-MAIDENNAME:${escapeText(person.lastName)}`);
  }
  if (person.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate)) {
    lines.push(`BDAY:${person.birthDate.replace(/-/g, '')}`);
  }
  if (person.organisationName) lines.push(`ORG:${escapeText(person.organisationName)}`);
  if (person.jobTitle) lines.push(`TITLE:${escapeText(person.jobTitle)}`);
  for (const email of person.emails) {
    lines.push(`EMAIL${params(email.type, email.primary)}:${escapeText(email.value)}`);
  }
  for (const phone of person.phones) {
    const type = phone.type && PHONE_TYPES[phone.type];
    lines.push(`TEL;VALUE=uri${params(type, phone.primary)}:tel:${phone.e164}`);
  }
  for (const address of person.addresses) {
    const components = [
      '',
      address.line2,
      address.line1,
      address.city,
      address.region,
      address.postalCode,
      address.country,
    ];
    lines.push(
      `ADR${params(address.type, address.primary)}:${components.map((c) => escapeText(c ?? '')).join(';')}`,
    );
  }
  if (person.note) lines.push(`NOTE:${escapeText(person.note)}`);
  const tags = (person.tags ?? []).filter((tag) => tag.trim());
  if (tags.length > 0) lines.push(`CATEGORIES:${tags.map(escapeText).join(',')}`);
  lines.push('END:VCARD');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
