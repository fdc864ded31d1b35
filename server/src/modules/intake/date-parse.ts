/** A calendar date with an optional wall-clock time and, when the source gave one, its UTC offset. */
export type DateParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Set only when the value carried an offset (`Z`, `+02:00`): it is then an instant. */
  offsetMinutes?: number;
};
export type TimeParts = { hour: number; minute: number; second: number };

const TIME_ZONE = 'Europe/Paris';
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TRAILING_TIME = String.raw`(?:[ T]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?)?`;
const TOKEN = /'[^']*'|yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|a/g;

/** French hint of a pattern for messages: `dd/MM/yyyy` → `jj/mm/aaaa`. */
export function formatHint(format?: string): string {
  if (!format) return 'jj/mm/aaaa';
  if (/^iso/i.test(format)) return 'aaaa-mm-jj';
  return format.replace(TOKEN, (token) => {
    if (token.startsWith("'")) return token.slice(1, -1);
    const hints: Record<string, string> = { yyyy: 'aaaa', yy: 'aa', MM: 'mm', M: 'm', dd: 'jj', d: 'j' };
    return hints[token] ?? token.toLowerCase();
  });
}

/** Whether a `date` transform pattern can be used: `ISO`, or day, month and year tokens. */
export function isDateFormat(format: string): boolean {
  if (/^iso$/i.test(format)) return true;
  const tokens = format.replace(/'[^']*'/g, '').match(TOKEN) ?? [];
  return (
    tokens.some((t) => t.startsWith('y')) &&
    tokens.some((t) => t.startsWith('M')) &&
    tokens.some((t) => t.startsWith('d'))
  );
}

/**
 * Reads a date (optionally with a time) in the given pattern; without one, ISO 8601 then the
 * French `jj/mm/aaaa [hh:mm[:ss]]`. A date-only pattern also accepts a trailing time.
 * Impossible dates (31/02) give `undefined`.
 */
export function parseDate(value: string, format?: string): DateParts | undefined {
  const text = value.trim();
  if (!format || /^iso$/i.test(format)) {
    const iso = parseIso(text);
    if (iso || format) return iso;
    return parsePattern(text, 'dd/MM/yyyy');
  }
  return parsePattern(text, format);
}

function parseIso(text: string): DateParts | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  return checked({
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
    offsetMinutes: zone ? parseOffset(zone) : undefined,
  });
}

function parseOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

function parsePattern(text: string, format: string): DateParts | undefined {
  const fields: string[] = [];
  let hasTime = false;
  const source = format
    .split(TOKEN)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .map((literal) => literal.replace(/[/-]|\\\./g, '[-/.]'));
  const tokens = format.match(TOKEN) ?? [];
  let pattern = source[0];
  tokens.forEach((token, index) => {
    if (token.startsWith("'")) pattern += token.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else {
      fields.push(token);
      if (/^[Hhms]/.test(token)) hasTime = true;
      pattern += tokenPattern(token);
    }
    pattern += source[index + 1];
  });
  const match = new RegExp(`^${pattern}${hasTime ? '' : TRAILING_TIME}$`, 'i').exec(text);
  if (!match) return undefined;
  const parts: DateParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let pm: boolean | undefined;
  fields.forEach((token, index) => {
    const raw = match[index + 1];
    const number = Number(raw);
    if (token === 'yyyy') parts.year = number;
    else if (token === 'yy') parts.year = expandYear(number);
    else if (token.startsWith('M')) parts.month = number;
    else if (token.startsWith('d')) parts.day = number;
    else if (/^[Hh]/.test(token)) parts.hour = number;
    else if (token.startsWith('m')) parts.minute = number;
    else if (token.startsWith('s')) parts.second = number;
    else if (token === 'SSS') parts.millisecond = Math.floor(Number(`0.${raw}`) * 1000);
    else if (token === 'a') pm = raw.toLowerCase() === 'pm';
  });
  if (!hasTime && match[fields.length + 1] !== undefined) {
    parts.hour = Number(match[fields.length + 1]);
    parts.minute = Number(match[fields.length + 2]);
    parts.second = Number(match[fields.length + 3] ?? 0);
  }
  if (pm !== undefined) {
    if (parts.hour < 1 || parts.hour > 12) return undefined;
    parts.hour = (parts.hour % 12) + (pm ? 12 : 0);
  }
  return checked(parts);
}

function tokenPattern(token: string): string {
  if (token === 'yyyy') return '(\\d{4})';
  if (token === 'yy' || token === 'mm' || token === 'ss') return '(\\d{2})';
  if (token === 'SSS') return '(\\d{1,9})';
  if (token === 'a') return '(am|pm)';
  return '(\\d{1,2})';
}

/** Two-digit years: the 2000s up to ten years ahead, the 1900s before. */
function expandYear(twoDigits: number): number {
  const year = 2000 + twoDigits;
  return year <= new Date().getFullYear() + 10 ? year : year - 100;
}

function checked(parts: DateParts): DateParts | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return parts;
}

/** A time of day: `20:30`, `20:30:00`, `20h30`, `20h`, `8:30 PM`, or the time of an ISO date-time. */
export function parseTime(value: string): TimeParts | undefined {
  const text = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2}(?::\d{2})?)/.exec(text);
  const match = /^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?(?::(\d{2})(?:[.,]\d+)?)?\s*(am|pm)?$/i.exec(
    iso ? iso[1] : text,
  );
  if (!match || (match[2] === undefined && !/[hH]|am|pm/i.test(text))) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const second = Number(match[3] ?? 0);
  if (match[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (match[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second };
}

/** `yyyy-MM-dd`, for dates without time such as birth dates. */
export function toIsoDate(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * ISO 8601 with the Europe/Paris offset of that moment. A value without offset is Paris wall-clock
 * time; in the autumn overlap the later (winter) instant is kept, in the spring gap the clock
 * moves one hour forward, as it did.
 */
export function toParisIso(parts: DateParts): string {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  let instant: number;
  if (parts.offsetMinutes !== undefined) instant = wall - parts.offsetMinutes * 60_000;
  else {
    // Guess with the offset at the wall time read as UTC, then correct with the offset found there.
    const guess = wall - parisOffsetMinutes(wall) * 60_000;
    instant = wall - parisOffsetMinutes(guess) * 60_000;
  }
  const offset = parisOffsetMinutes(instant);
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const ms = parts.millisecond ? `.${pad(parts.millisecond, 3)}` : '';
  return `${local.toISOString().slice(0, 19)}${ms}${zone}`;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

const HOUR_MS = 3_600_000;
/** Offsets by UTC hour: Paris changes offset on the hour, and `formatToParts` costs ~10 µs a call. */
const offsetsByHour = new Map<number, number>();

/** Offset of Paris from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: number): number {
  const hour = Math.floor(instant / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    if (offsetsByHour.size >= 100_000) offsetsByHour.clear();
    offset = formatOffset(hour * HOUR_MS);
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

function formatOffset(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName');
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
