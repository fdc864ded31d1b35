import type { CriteriaPeriod } from '@parterre/contract/segments';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Strings as a text[] of bind parameters (never empty: value schemas require one). Unlike an
 * array built by a subquery, the planner sees the values and estimates from the column statistics.
 */
export const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}::text`),
    sql`, `,
  )}]::text[]`;

/** Ids validated as UUIDs by the value schema, as one uuid[] parameter. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** Escapes LIKE wildcards so that a prefix matches literally. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Minutes east of UTC in Europe/Paris at an instant. */
function parisOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wall - at.getTime()) / 60_000);
}

/** The instant a day (YYYY-MM-DD) begins in France. */
export function parisMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date);
  let at = wall - parisOffsetMinutes(new Date(wall)) * 60_000;
  const offset = parisOffsetMinutes(new Date(at));
  at = wall - offset * 60_000;
  return new Date(at);
}

/** The day (YYYY-MM-DD) an instant falls on in France. */
export function parisDay(at: Date): string {
  return new Date(at.getTime() + parisOffsetMinutes(at) * 60_000).toISOString().slice(0, 10);
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Calendar arithmetic on a YYYY-MM-DD day, clamped to the month's end (31 March − 1 month = 28/29 February). */
export function shiftDay(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** The same instant N calendar months earlier, clamped like PostgreSQL's interval arithmetic. */
function monthsBefore(now: Date, months: number): Date {
  const iso = now.toISOString();
  return new Date(`${shiftDay(iso.slice(0, 10), -months)}${iso.slice(10)}`);
}

export type ResolvedPeriod = { start: Date | null; end: Date | null };

/** Bounds of a period as instants, `start <= t < end`; a relative period ends now. */
export function resolvePeriod(period: CriteriaPeriod | undefined, now: Date): ResolvedPeriod {
  if (!period) return { start: null, end: null };
  if ('last' in period) {
    const { amount, unit } = period.last;
    const start =
      unit === 'day'
        ? new Date(now.getTime() - amount * 86_400_000)
        : monthsBefore(now, unit === 'year' ? amount * 12 : amount);
    return { start, end: now };
  }
  return {
    start: period.from ? parisMidnight(period.from) : null,
    end: period.to ? parisMidnight(addDays(period.to, 1)) : null,
  };
}

/** `column` within the period (always true without one); rows without a date never match a period. */
export function withinPeriod(column: SQL, period: ResolvedPeriod): SQL {
  const parts: SQL[] = [];
  if (period.start) parts.push(sql`${column} >= ${instant(period.start)}`);
  if (period.end) parts.push(sql`${column} < ${instant(period.end)}`);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`true`;
}
