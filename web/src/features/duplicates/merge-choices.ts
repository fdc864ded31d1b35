import type { Person } from '@parterre/contract/contacts';
import { type MergeChoice, mergeableFieldSchema } from '@parterre/contract/identity';
import { isEmptyValue } from '../custom-fields/custom-field-values';

/**
 * Field-by-field survivorship for a duplicate pair: which record keeps its id (the survivor), and for
 * each field where the two records disagree, which one's value survives. E-mails, phones,
 * addresses and tags are not chosen: the merge keeps those of both records.
 */

export type Side = 'a' | 'b';

/** The identity fields whose surviving value can be chosen (the merge unions the rest). */
export const identityFields = mergeableFieldSchema.options;

export interface FieldDifference {
  /** `firstName`, or `customFields.<key>` for a custom field. */
  path: string;
  a: unknown;
  b: unknown;
}

export function valueAt(person: Person, path: string): unknown {
  if (path.startsWith('customFields.')) return person.customFields[path.slice(13)];
  return person[path as keyof Person];
}

const same = (x: unknown, y: unknown) =>
  (isEmptyValue(x) && isEmptyValue(y)) || JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

/** Identity and custom fields whose values differ; fields masked on either side are left out. */
export function differingFields(a: Person, b: Person): FieldDifference[] {
  const custom = [...new Set([...Object.keys(a.customFields), ...Object.keys(b.customFields)])]
    .sort()
    .map((key) => `customFields.${key}`);
  return [...identityFields, ...custom]
    .filter((path) => !a.masked.includes(path) && !b.masked.includes(path))
    .map((path) => ({ path, a: valueAt(a, path), b: valueAt(b, path) }))
    .filter((difference) => !same(difference.a, difference.b));
}

/** How much a record says: filled identity and custom fields, plus coordinates and tags. */
export function completeness(person: Person): number {
  const filled = identityFields.filter((path) => !isEmptyValue(person[path])).length;
  const custom = Object.values(person.customFields).filter((value) => !isEmptyValue(value)).length;
  return (
    filled +
    custom +
    person.emails.length +
    person.phones.length +
    person.addresses.length +
    person.tags.length
  );
}

const moreRecent = (a: Person, b: Person): Side => (b.updatedAt > a.updatedAt ? 'b' : 'a');

/** The more complete record survives; on a tie, the more recently updated one. */
export function defaultSurvivor(a: Person, b: Person): Side {
  const difference = completeness(a) - completeness(b);
  if (difference !== 0) return difference > 0 ? 'a' : 'b';
  return moreRecent(a, b);
}

/** A filled value wins over an empty one; between two filled values, the more recent record's. */
export function defaultChoices(differences: FieldDifference[], a: Person, b: Person): Record<string, Side> {
  const recent = moreRecent(a, b);
  return Object.fromEntries(
    differences.map((d) => {
      if (isEmptyValue(d.a)) return [d.path, 'b'];
      if (isEmptyValue(d.b)) return [d.path, 'a'];
      return [d.path, recent];
    }),
  );
}

export const otherSide = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** The choices as the merge API takes them: for each field, the survivor's value or the merged record's. */
export function mergeFields(choices: Record<string, Side>, survivor: Side): Record<string, MergeChoice> {
  return Object.fromEntries(
    Object.entries(choices).map(([path, side]) => [path, side === survivor ? 'survivor' : 'merged']),
  );
}
