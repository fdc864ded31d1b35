import { ApiError, errorMessage } from '../app/api-client';

interface FormLike {
  values: object;
  setFieldError: (path: string, error: string) => void;
}

/** "/body/email", "body.email", "email" → "email"; "/roleIds/0" → "roleIds.0". */
export function normaliseProblemPath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

function hasPath(values: object, path: string): boolean {
  const [head] = path.split('.');
  return head !== undefined && head in values;
}

/**
 * The input a problem belongs to: items of repeatable groups keep their index
 * ("emails.1.address"), while an array of plain values is one input ("roleIds.0" → "roleIds").
 */
function inputPathOf(values: object, path: string): string {
  const kept: string[] = [];
  let current: unknown = values;
  for (const part of path.split('.')) {
    const next =
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[part]
        : undefined;
    if (/^\d+$/.test(part) && (next === null || typeof next !== 'object')) {
      current = undefined;
      continue;
    }
    kept.push(part);
    current = next;
  }
  return kept.join('.');
}

/**
 * Puts the server's field errors (`errors[].path`) under the matching inputs and returns the
 * summary to show above the form, or null when the inputs already say everything.
 */
export function applyProblemToForm(form: FormLike, error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.errors?.length) return errorMessage(error);
  const matched: string[] = [];
  const unmatched: string[] = [];
  for (const problem of error.errors) {
    const path = normaliseProblemPath(problem.path);
    if (path && hasPath(form.values, path)) {
      form.setFieldError(inputPathOf(form.values, path), problem.message);
      matched.push(problem.message);
    } else {
      unmatched.push(problem.message);
    }
  }
  const summary = errorMessage(error);
  if (unmatched.length) return [summary, ...unmatched].join(' ');
  return matched.includes(summary) ? null : summary;
}
