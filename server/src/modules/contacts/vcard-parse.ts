import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { normaliseCivility, splitFullName } from './contact-normalisation.ts';

export type ParsedEmail = { value: string; type?: 'home' | 'work' | 'other'; primary: boolean };
export type ParsedPhone = {
  value: string;
  type?: 'mobile' | 'home' | 'work' | 'fax' | 'other';
  primary: boolean;
};
export type ParsedAddress = {
  line1: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  country?: string;
  type?: 'home' | 'work' | 'other';
  primary: boolean;
};

/** One contact read from a vCard, values unescaped and decoded but not yet validated. */
export type ParsedCard = {
  uid?: string;
  formattedName?: string;
  /** 'M.' or 'Mme' when the prefix is recognised, otherwise the prefix as written ("Dr"). */
  civility?: string;
  firstName?: string;
  lastName?: string;
  additionalNames?: string;
  suffix?: string;
  organisation?: string;
  title?: string;
  /** YYYY-MM-DD; absent when the card gives no year. */
  birthDate?: string;
  emails: ParsedEmail[];
  phones: ParsedPhone[];
  addresses: ParsedAddress[];
  urls: string[];
  note?: string;
  categories: string[];
};

type Property = { name: string; params: Map<string, string[]>; types: Set<string>; value: string };
/** Lines are scanned as Latin-1 strings (one character per byte); values are decoded afterwards. */
type FileCharset = 'utf-8' | 'windows-1252';

const knownCharset = (charset?: string) => (charset && iconv.encodingExists(charset) ? charset : undefined);

/**
 * Splits on `separator`, ignoring it inside double quotes (parameters) or after a backslash
 * (values, whose escapes `unescapeText` undoes later); `limit` caps the number of cuts.
 */
function splitOn(text: string, separator: string, skip: 'quotes' | 'escapes', limit = Infinity): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && parts.length < limit; i++) {
    if (skip === 'escapes' && text[i] === '\\') i++;
    else if (skip === 'quotes' && text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, text.slice(start)];
}

const isQuotedPrintable = (head: string) => /QUOTED-PRINTABLE/i.test(head);
const isBase64 = (head: string) => /[;=,]\s*(?:BASE64|B)\s*(?=[;,:]|$)/i.test(head);
/** Bare vCard 2.1 parameters that name an encoding, not a type. */
const ENCODINGS = new Set(['quoted-printable', 'base64', 'b', '7bit', '8bit']);
const PROPERTY_START = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?\s*[;:]/;

function decodeCaret(value: string): string {
  return value.replace(/\^([n'^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

function quotedPrintableBytes(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function parseProperty(line: string, oldSyntax: boolean, fileCharset: FileCharset): Property | undefined {
  const [head, rawValue] = splitOn(line, ':', 'quotes', 1);
  if (rawValue === undefined) return undefined;
  const [qualifiedName, ...rawParams] = splitOn(head, ';', 'quotes');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    // vCard 2.1 allows bare parameters: TEL;CELL;PREF is TYPE=CELL, TYPE=PREF.
    const key = equals < 0 ? 'TYPE' : raw.slice(0, equals).trim().toUpperCase();
    const values = splitOn(equals < 0 ? raw.trim() : raw.slice(equals + 1).trim(), ',', 'quotes').map((v) => {
      const unquoted = v.trim().replace(/^"(.*)"$/s, '$1');
      return oldSyntax ? unquoted : decodeCaret(unquoted);
    });
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  const charset = knownCharset(params.get('CHARSET')?.[0]);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase() ?? '';
  const quotedPrintable = [encoding, ...(params.get('TYPE') ?? [])].some((t) =>
    /^quoted-printable$/i.test(t),
  );
  const bytes = quotedPrintable ? quotedPrintableBytes(rawValue) : Buffer.from(rawValue, 'latin1');
  // A file that is valid UTF-8 throughout is UTF-8, whatever a CHARSET label claims; quoted-printable
  // hides the bytes from that check, so there the label (or the bytes themselves) decide.
  const valueCharset = quotedPrintable
    ? (charset ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252'))
    : fileCharset === 'utf-8'
      ? 'utf-8'
      : (charset ?? 'windows-1252');
  const value = iconv.decode(bytes, valueCharset).replace(/\r\n?/g, '\n');
  // RFC 6350 also quotes a whole list: TYPE="work,voice".
  const typeTokens = (params.get('TYPE') ?? []).flatMap((t) => t.toLowerCase().split(','));
  const types = new Set(typeTokens.map((t) => t.trim()).filter((t) => t && !ENCODINGS.has(t)));
  return { name: qualifiedName.replace(/^.*\./, '').trim().toUpperCase(), params, types, value };
}

/** Undoes \n, \, \; \\ and, leniently, any other backslash escape (Apple writes "http\://"). */
function unescapeText(value: string): string {
  return value.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const clean = (value: string | undefined) => unescapeText(value ?? '').trim() || undefined;

function listOf(component: string | undefined, joiner: string): string | undefined {
  const items = splitOn(component ?? '', ',', 'escapes').map((item) => unescapeText(item).trim());
  return items.filter(Boolean).join(joiner) || undefined;
}

function birthDateOf(property: Property): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(unescapeText(property.value).trim());
  // Apple exports a birthday without a year under a placeholder year named in X-APPLE-OMIT-YEAR.
  if (!match || property.params.get('X-APPLE-OMIT-YEAR')?.[0] === match[1]) return undefined;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

function prefRank(property: Property): number | undefined {
  const pref = Number(property.params.get('PREF')?.[0]);
  if (Number.isInteger(pref) && pref > 0) return pref;
  return property.types.has('pref') ? 1 : undefined;
}

/** Maps TYPE tokens to our type; an unmapped token other than `ignored` ones means 'other'. */
function typeOf<T extends string>(types: Set<string>, mapping: Record<string, T>, ignored: string[]) {
  const token = Object.keys(mapping).find((key) => types.has(key));
  if (token) return { type: mapping[token] };
  return [...types].some((t) => !ignored.includes(t)) ? { type: 'other' as T } : {};
}

const EMAIL_TYPES = { work: 'work', home: 'home', other: 'other' } as const;
const PHONE_TYPES = {
  fax: 'fax',
  cell: 'mobile',
  mobile: 'mobile',
  iphone: 'mobile',
  ...EMAIL_TYPES,
} as const;

/** ADR has seven components; ours two lines: the street's first line, then everything else joined. */
function addressOf(value: string): Omit<ParsedAddress, 'type' | 'primary'> | undefined {
  const [poBox, extended, street, city, region, postalCode, country] = splitOn(value, ';', 'escapes').map(
    (component) => unescapeText(component),
  );
  const lines = (text = '') =>
    text
      .split('\n')
      .map((l) => l.trim().replace(/[\s,]+$/, ''))
      .filter(Boolean);
  const all = [...lines(street), ...lines(extended), ...lines(poBox)];
  const [line1, ...rest] = all.length > 0 ? all : [''];
  const fields = { postalCode, city, region, country };
  const address: Omit<ParsedAddress, 'type' | 'primary'> = { line1 };
  if (rest.length > 0) address.line2 = rest.join(', ');
  for (const [key, raw] of Object.entries(fields)) {
    const text = raw?.trim();
    if (text) address[key as keyof typeof fields] = text;
  }
  return line1 || Object.keys(address).length > 1 ? address : undefined;
}

/** Marks the most preferred item (lowest PREF, first on ties) of each kind as primary. */
function withPrimary<T extends { primary: boolean }>(items: { item: T; rank?: number }[]): T[] {
  const ranks = items.map((i) => i.rank ?? Number.POSITIVE_INFINITY);
  const best = Math.min(...ranks);
  const winner = Number.isFinite(best) ? ranks.indexOf(best) : -1;
  return items.map(({ item }, index) => ({ ...item, primary: index === winner }));
}

function buildCard(properties: Property[]): ParsedCard {
  const first = (name: string) => properties.find((p) => p.name === name);
  const all = (name: string) => properties.filter((p) => p.name === name);
  const card: ParsedCard = { emails: [], phones: [], addresses: [], urls: [], categories: [] };

  const uid = clean(first('UID')?.value)?.replace(/^urn:uuid:/i, '');
  if (uid) card.uid = uid;
  const formattedName = clean(first('FN')?.value);
  if (formattedName) card.formattedName = formattedName;
  const n = first('N');
  if (n) {
    const [family, given, additional, prefix, suffix] = splitOn(n.value, ';', 'escapes');
    const prefixes = listOf(prefix, ' ');
    const names = {
      lastName: listOf(family, ' '),
      firstName: listOf(given, ' '),
      additionalNames:
        unescapeText(additional ?? '')
          .split(/[\s,]+/)
          .filter(Boolean)
          .join(' ') || undefined,
      civility: prefixes && (normaliseCivility(prefixes) ?? prefixes),
      suffix: listOf(suffix, ', '),
    };
    for (const [key, value] of Object.entries(names)) if (value) card[key as keyof typeof names] = value;
  }
  if (!card.firstName && !card.lastName && formattedName) {
    const derived = splitFullName(formattedName);
    for (const [key, value] of Object.entries(derived))
      if (value && !card[key as keyof typeof derived]) card[key as keyof typeof derived] = value;
  }
  const organisation = clean(splitOn(first('ORG')?.value ?? '', ';', 'escapes')[0]);
  if (organisation) card.organisation = organisation;
  const title = clean(first('TITLE')?.value);
  if (title) card.title = title;
  const birthDate = all('BDAY').map(birthDateOf).find(Boolean);
  if (birthDate) card.birthDate = birthDate;

  const ranked = <T extends object>(name: string, read: (p: Property) => T | undefined) =>
    withPrimary(
      all(name).flatMap((p) => {
        const item = read(p);
        return item ? [{ item: { ...item, primary: false }, rank: prefRank(p) }] : [];
      }),
    );
  card.emails = ranked('EMAIL', (p) => {
    const value = clean(p.value)?.replace(/^mailto:/i, '');
    return value ? { value, ...typeOf(p.types, EMAIL_TYPES, ['internet', 'pref', 'x400']) } : undefined;
  });
  card.phones = ranked('TEL', (p) => {
    const value = clean(p.value)?.replace(/^tel:/i, '');
    return value
      ? { value, ...typeOf(p.types, PHONE_TYPES, ['voice', 'pref', 'msg', 'text', 'video']) }
      : undefined;
  });
  card.addresses = ranked('ADR', (p) => {
    const address = addressOf(p.value);
    return (
      address && { ...address, ...typeOf(p.types, EMAIL_TYPES, ['pref', 'postal', 'parcel', 'dom', 'intl']) }
    );
  });
  card.urls = all('URL').flatMap((p) => clean(p.value) ?? []);
  const note = all('NOTE')
    .flatMap((p) => clean(p.value) ?? [])
    .join('\n');
  if (note) card.note = note;
  // Split on every comma: writers such as Thunderbird escape the separators between categories.
  const categories = all('CATEGORIES').flatMap((p) => unescapeText(p.value).split(','));
  card.categories = [...new Set(categories.map((c) => c.trim()).filter(Boolean))];
  return card;
}

function parse(text: string, fileCharset: FileCharset): ParsedCard[] {
  const cards: ParsedCard[] = [];
  let properties: Property[] = [];
  let depth = 0;
  let oldSyntax = false;
  // Physical pieces of the logical line being read, joined once it ends: appending to one long
  // string and inspecting it on every line would be quadratic on a large photo.
  let pieces: string[] = [];
  let head = '';

  const append = (piece: string) => {
    pieces.push(piece);
    // Name and parameters, looked for until the colon shows up (or they grow absurdly long).
    if (!head.endsWith(':') && head.length < 4096) {
      const [name, value] = splitOn(pieces.join(''), ':', 'quotes', 1);
      head = value === undefined ? name : `${name}:`;
    }
  };
  const flush = () => {
    if (pieces.length === 0) return;
    const property = parseProperty(pieces.join(''), oldSyntax, fileCharset);
    pieces = [];
    head = '';
    if (!property) return;
    const component = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && component === 'VCARD') {
      // A vCard 2.1 AGENT may embed a whole card: only the outer card's properties count.
      if (depth++ === 0) {
        properties = [];
        oldSyntax = false;
      }
    } else if (property.name === 'END' && component === 'VCARD') {
      if (depth > 0 && --depth === 0) cards.push(buildCard(properties));
    } else if (depth === 1) {
      if (property.name === 'VERSION') oldSyntax = property.value.trim().startsWith('2');
      properties.push(property);
    }
  };

  for (const line of text.split(/\r*\n|\r/)) {
    const last = pieces.length - 1;
    if (pieces[last]?.endsWith('=') && isQuotedPrintable(head)) {
      // Soft line break: vCard 2.1 writers continue quoted-printable lines without indentation.
      pieces[last] = pieces[last].slice(0, -1);
      append(line.replace(/^[ \t]+/, ''));
    } else if (last >= 0 && /^[ \t]/.test(line)) {
      // vCard 2.1 may indent a continuation with several blanks (as ez-vcard reads it).
      append(oldSyntax ? line.replace(/^[ \t]+/, '') : line.slice(1));
    } else if (last >= 0 && line && !PROPERTY_START.test(line) && isBase64(head)) {
      append(line);
    } else {
      flush();
      if (PROPERTY_START.test(line)) append(line);
    }
  }
  flush();
  if (depth > 0) cards.push(buildCard(properties));
  return cards;
}

/** Parses vCard 2.1, 3.0 and 4.0 text holding one or several cards. Photos and unknown properties are skipped. */
export function parseVCards(text: string): ParsedCard[] {
  return parseVCardFile(Buffer.from(text, 'utf8'));
}

/**
 * Parses an uploaded .vcf file. UTF-16 is recognised by its byte-order mark; otherwise the file is
 * UTF-8 when its bytes are valid UTF-8 and Windows-1252 (Outlook's usual export) when not.
 */
export function parseVCardFile(buf: Buffer): ParsedCard[] {
  if (buf[0] === 0xff && buf[1] === 0xfe) return parseVCards(iconv.decode(buf.subarray(2), 'utf-16le'));
  if (buf[0] === 0xfe && buf[1] === 0xff) return parseVCards(iconv.decode(buf.subarray(2), 'utf-16be'));
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  return parse(body.toString('latin1'), isUtf8(body) ? 'utf-8' : 'windows-1252');
}
