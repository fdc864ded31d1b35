/** An empty number input gives '': no value. */
export const optionalNumber = (value: number | string): number | null =>
  value === '' ? null : Number(value);

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the `datetime-local` input shows it, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What a `datetime-local` input holds, as an ISO instant (null when empty). */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
