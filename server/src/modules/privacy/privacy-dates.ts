/** Requests are dated in Paris days: a letter received late on the 31st is received on the 31st. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function parisToday(now: Date = new Date()): string {
  return PARIS_DAY.format(now);
}

/**
 * A calendar month later, clamped to the month's last day: 31 January + 1 → 28 (or 29) February,
 * 31 January + 3 → 30 April. Always counted from `day`, never chained, so an extension does not
 * inherit the clamp of the first month.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const target = new Date(`${day}T00:00:00Z`);
  target.setUTCDate(target.getUTCDate() + days);
  return target.toISOString().slice(0, 10);
}

/** Art. 12.3: one month from receipt. */
export const ANSWER_MONTHS = 1;
