/**
 * Field-by-field merge after a 412: the form's starting point (`base`), what the user has now
 * (`mine`) and what the server holds (`theirs`). Custom fields count one by one
 * (`customFields.<key>`); lists (e-mails, tags…) count as one field each.
 */

type FormValues = object;

export type Choice = 'mine' | 'theirs';

export interface FieldConflict {
  path: string;
  mine: unknown;
  theirs: unknown;
  /** The user changed this field in the form. */
  youChanged: boolean;
  /** Someone else changed it on the server. */
  theyChanged: boolean;
}

function fieldPaths(values: FormValues): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (key === 'customFields' && value && typeof value === 'object') {
      for (const custom of Object.keys(value)) paths.push(`customFields.${custom}`);
    } else paths.push(key);
  }
  return paths;
}

export function valueAt(values: FormValues, path: string): unknown {
  const record = values as Record<string, unknown>;
  if (path.startsWith('customFields.')) {
    return (record.customFields as Record<string, unknown> | undefined)?.[path.slice(13)];
  }
  return record[path];
}

function withValueAt<T extends FormValues>(values: T, path: string, value: unknown): T {
  if (path.startsWith('customFields.')) {
    const customFields = { ...((values as Record<string, unknown>).customFields as object) };
    (customFields as Record<string, unknown>)[path.slice(13)] = value;
    return { ...values, customFields };
  }
  return { ...values, [path]: value };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Paths whose value differs between two versions of the form. */
export function changedFields(base: FormValues, values: FormValues): string[] {
  const paths = new Set([...fieldPaths(base), ...fieldPaths(values)]);
  return [...paths].filter((path) => !same(valueAt(base, path), valueAt(values, path)));
}

/** Every field where the user's value and the saved one differ. */
export function findConflicts(base: FormValues, mine: FormValues, theirs: FormValues): FieldConflict[] {
  return changedFields(theirs, mine).map((path) => ({
    path,
    mine: valueAt(mine, path),
    theirs: valueAt(theirs, path),
    youChanged: !same(valueAt(base, path), valueAt(mine, path)),
    theyChanged: !same(valueAt(base, path), valueAt(theirs, path)),
  }));
}

/** Keep what the user changed; take the others' value everywhere else. */
export function defaultChoices(conflicts: FieldConflict[]): Record<string, Choice> {
  return Object.fromEntries(conflicts.map((c) => [c.path, c.youChanged ? 'mine' : 'theirs']));
}

/** The server's values, with the user's value wherever they chose to keep theirs. */
export function resolveConflicts<T extends FormValues>(
  mine: T,
  theirs: T,
  choices: Record<string, Choice>,
): T {
  let result = theirs;
  for (const [path, choice] of Object.entries(choices)) {
    if (choice === 'mine') result = withValueAt(result, path, valueAt(mine, path));
  }
  return result;
}
